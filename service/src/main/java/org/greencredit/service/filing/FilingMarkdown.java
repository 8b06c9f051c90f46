package org.greencredit.service.filing;

import java.util.Iterator;
import java.util.Locale;
import org.greencredit.core.text.BilingualText;
import org.greencredit.core.text.TextCatalogue;
import tools.jackson.databind.JsonNode;

/**
 * The filing as Markdown, Chinese first and English after each item, for people and for the public
 * page; headings and fixed sentences from {@code filing/markdown.tsv}.
 */
final class FilingMarkdown {
    private static final TextCatalogue TEXTS = TextCatalogue.fromClasspath("/filing/markdown.tsv");

    private FilingMarkdown() {
    }

    static String render(JsonNode f) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(both(TEXTS.get("title"))).append(": ").append(f.at("/name/zh").asString()).append("\n\n")
                .append("*").append(f.at("/name/en").asString()).append("*\n\n");
        BilingualText generated = TEXTS.get("generated").with("time", f.get("generatedAt").asString());
        BilingualText versions = TEXTS.get("versions").with("engine", f.at("/versions/engine").asString())
                .with("ruleset", f.at("/versions/ruleset").asString()).with("models", f.at("/versions/models").asString())
                .with("factors", f.at("/versions/factors").asString());
        md.append(generated.zh()).append(versions.zh()).append("\n\n").append(generated.en()).append(' ').append(versions.en()).append("\n\n");
        BilingualText identity = TEXTS.get("identity").with("number", orNotFilled(f.get("filingNumber")))
                .with("contact", orNotFilled(f.get("contact")));
        md.append(identity.zh()).append("\n\n").append(identity.en()).append("\n\n");
        section(md, "purpose");
        bilingual(md, f.get("purpose"));
        section(md, "principles");
        list(md, f.get("principles"));
        section(md, "dataSources");
        list(md, f.get("dataSources"));
        section(md, "decisionLogic");
        int step = 1;
        for (JsonNode s : f.get("decisionSteps")) {
            md.append(step++).append(". ").append(s.get("zh").asString()).append(" ").append(s.get("en").asString()).append('\n');
        }
        md.append("\n### ").append(both(TEXTS.get("rulesInForce"))).append(" (").append(f.get("rules").size())
                .append(")\n\n| id | 规则 | rule | source |\n|---|---|---|---|\n");
        for (JsonNode r : f.get("rules")) {
            md.append("| ").append(cell(r.get("id"))).append(" | ").append(cell(r.get("titleZh"))).append(" | ").append(cell(r.get("titleEn")))
                    .append(" | ").append(cell(r.get("source"))).append(" |\n");
        }
        section(md, "models");
        for (JsonNode m : f.get("models")) {
            md.append("### ").append(m.get("version").asString()).append("\n\n");
            JsonNode card = m.get("card");
            if (card.isObject()) {
                for (Iterator<String> names = card.propertyNames().iterator(); names.hasNext(); ) {
                    String name = names.next();
                    JsonNode value = card.get(name);
                    if (value.isValueNode()) {
                        md.append("- **").append(name).append("**: ").append(value.asString()).append('\n');
                    }
                }
            } else {
                md.append(card.asString()).append('\n');
            }
            JsonNode segments = m.get("metricsBySegment");
            if (segments != null) {
                md.append('\n').append(both(TEXTS.get("segmentMetrics").with("count", segments.at("/population/count").asInt())
                        .with("seed", segments.at("/population/seed").asInt())))
                        .append("\n\n| segment | value | n | AUC | KS | Brier |\n|---|---|---|---|---|---|\n");
                row(md, "all", "", segments.get("overall"));
                for (Iterator<String> columns = segments.get("segments").propertyNames().iterator(); columns.hasNext(); ) {
                    String column = columns.next();
                    JsonNode groups = segments.get("segments").get(column);
                    for (Iterator<String> values = groups.propertyNames().iterator(); values.hasNext(); ) {
                        String value = values.next();
                        row(md, column, value, groups.get(value));
                    }
                }
            }
            md.append('\n');
        }
        section(md, "risks");
        list(md, f.get("risks"));
        fairness(md, f.get("fairness"));
        appealFeedback(md, f.get("appealFeedback"));
        section(md, "appeal");
        bilingual(md, f.get("appeal"));
        bilingual(md, f.get("appealApi"));
        return md.toString();
    }

    private static void fairness(StringBuilder md, JsonNode report) {
        section(md, "fairness");
        BilingualText intro = TEXTS.get("fairnessIntro").with("population", report.get("population").asString())
                .with("versions", report.get("versions").asString()).with("bound", report.get("approvalRatioBound").asString());
        md.append(intro.zh()).append("\n\n").append(intro.en()).append("\n\n")
                .append("| dimension | group | firms | approved | referred | declined | ratio to highest | mean PD | observed default rate |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode dimension : report.get("dimensions")) {
            for (JsonNode g : dimension.get("groups")) {
                JsonNode observed = g.get("observedDefaultRate");
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f%% | %.1f%% | %.1f%% | %.2f%s | %.2f%% | %s |%n", dimension.get("dimension").asString(),
                        g.get("group").asString(), g.get("firms").asInt(), 100 * g.get("approvalRate").asDouble(), 100 * g.get("referralRate").asDouble(),
                        100 * g.get("declineRate").asDouble(), g.get("approvalRatio").asDouble(), g.get("belowBound").asBoolean() ? " (below)" : "",
                        100 * g.get("meanPd").asDouble(), observed == null || observed.isNull() ? "-"
                                : String.format(Locale.ROOT, "%.2f%%", 100 * observed.asDouble())));
            }
        }
        md.append('\n').append(both(TEXTS.get("fairnessFindings"))).append(":\n\n");
        if (report.get("findings").isEmpty()) {
            md.append("- ").append(both(TEXTS.get("noFindings"))).append('\n');
        }
        for (JsonNode finding : report.get("findings")) {
            md.append("- ").append(finding.asString()).append('\n');
        }
    }

    private static void appealFeedback(StringBuilder md, JsonNode report) {
        section(md, "appealFeedback");
        BilingualText counts = TEXTS.get("appealCounts").with("corrected", report.get("corrected").asString())
                .with("rejected", report.get("rejected").asString());
        md.append(counts.zh()).append(' ').append(counts.en()).append('\n');
        for (String key : new String[] {"contestedFields", "correctedInputs", "rulesNoLonger", "rulesNewly", "featuresMoved", "outcomeChanges",
            "colourChanges"}) {
            md.append("\n**").append(both(TEXTS.get(key))).append("**: ");
            StringBuilder items = new StringBuilder();
            for (JsonNode count : report.get(key)) {
                items.append(items.isEmpty() ? "" : "; ").append(count.get("key").asString()).append(" (").append(count.get("appeals").asInt()).append(')');
            }
            md.append(items.isEmpty() ? "-" : items).append('\n');
        }
    }

    /** The bank's own entry, or a dash until it is given. */
    private static String orNotFilled(JsonNode value) {
        return value == null || value.isNull() ? "—" : value.asString();
    }

    private static void section(StringBuilder md, String key) {
        md.append("\n## ").append(both(TEXTS.get(key))).append("\n\n");
    }

    /** A heading in both languages, Chinese first. */
    private static String both(BilingualText text) {
        return text.zh() + " " + text.en();
    }

    private static void bilingual(StringBuilder md, JsonNode text) {
        md.append(text.get("zh").asString()).append("\n\n").append(text.get("en").asString()).append("\n");
    }

    private static void list(StringBuilder md, JsonNode items) {
        for (JsonNode item : items) {
            md.append("- ").append(item.get("zh").asString()).append(" ").append(item.get("en").asString()).append('\n');
        }
    }

    private static void row(StringBuilder md, String segment, String value, JsonNode m) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.4f |%n", segment, value, m.get("n").asInt(), m.get("auc").asDouble(),
                m.get("ks").asDouble(), m.get("brier").asDouble()));
    }

    private static String cell(JsonNode text) {
        return text.asString().replace("|", "\\|").replace("\n", " ");
    }
}
