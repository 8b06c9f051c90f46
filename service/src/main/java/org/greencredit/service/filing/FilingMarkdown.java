package org.greencredit.service.filing;

import java.util.Iterator;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The filing as Markdown, Chinese first and English after each item, for people and for the public page. */
final class FilingMarkdown {
    private FilingMarkdown() {
    }

    static String render(JsonNode f) {
        StringBuilder md = new StringBuilder();
        md.append("# 算法备案 Algorithm filing: ").append(f.at("/name/zh").asString()).append("\n\n")
                .append("*").append(f.at("/name/en").asString()).append("*\n\n")
                .append("Generated ").append(f.get("generatedAt").asString()).append(" from the live rules and models. Versions: engine `")
                .append(f.at("/versions/engine").asString()).append("`, ruleset `").append(f.at("/versions/ruleset").asString())
                .append("`, models `").append(f.at("/versions/models").asString()).append("`, factors `")
                .append(f.at("/versions/factors").asString()).append("`.\n\n");
        section(md, "用途 Purpose");
        bilingual(md, f.get("purpose"));
        section(md, "原则 Principles");
        list(md, f.get("principles"));
        section(md, "数据来源 Data sources");
        list(md, f.get("dataSources"));
        section(md, "决策逻辑 Decision logic");
        int step = 1;
        for (JsonNode s : f.get("decisionSteps")) {
            md.append(step++).append(". ").append(s.get("zh").asString()).append(" ").append(s.get("en").asString()).append('\n');
        }
        md.append("\n### 规则 Rules in force (").append(f.get("rules").size()).append(")\n\n| id | 规则 | rule | source |\n|---|---|---|---|\n");
        for (JsonNode r : f.get("rules")) {
            md.append("| ").append(cell(r.get("id"))).append(" | ").append(cell(r.get("titleZh"))).append(" | ").append(cell(r.get("titleEn")))
                    .append(" | ").append(cell(r.get("source"))).append(" |\n");
        }
        section(md, "模型 Models");
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
                md.append("\nMetrics on an independent synthetic population of ").append(segments.at("/population/count").asInt())
                        .append(" (seed ").append(segments.at("/population/seed").asInt()).append(")\n\n| segment | value | n | AUC | KS | Brier |\n|---|---|---|---|---|---|\n");
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
        section(md, "风险与局限 Risks and limits");
        list(md, f.get("risks"));
        section(md, "如何申诉 How to appeal");
        bilingual(md, f.get("appeal"));
        return md.toString();
    }

    private static void section(StringBuilder md, String title) {
        md.append("\n## ").append(title).append("\n\n");
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
