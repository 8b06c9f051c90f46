package org.greencredit.rules.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.datasets.csv.CsvReader;
import org.greencredit.rules.facts.GreenFacts;
import org.greencredit.rules.facts.PolicyFacts;

/**
 * Analysts' test cases for a ruleset: one CSV row per case, with the facts it feeds the green or
 * the policy rules and what it expects (rules that fire or must not, score, grade, colour,
 * outcome, limit, discount; an empty expectation is not checked). Lists are separated by {@code ;}.
 */
public final class RuleCases {
    public static final List<String> GREEN_INPUTS = List.of("division", "level", "k", "yoy", "regionalLevel", "historicalLevel",
            "physicalShare", "anomalies", "eInvoice", "paperless", "greenProducts", "renewable", "equipment", "certifications",
            "carbonAccount", "penalties", "basis");
    public static final List<String> EXPECTATIONS = List.of("expect.fired", "expect.notFired", "expect.score", "expect.grade",
            "expect.colour", "expect.outcome", "expect.limit", "expect.discount");
    public static final List<String> POLICY_INPUTS = List.of("pd", "colour", "greenScore", "excluded", "anomalies", "creditData",
            "maxPastDueDays", "avgMonthlyInflow", "existingDebt", "requested", "term", "purpose", "farm", "cropValue", "cropMismatch", "contradicted");

    /** One case as read, with its row in the file. */
    public record Case(int line, String name, String kind, Map<String, String> cells) {
        String get(String column) {
            return cells.getOrDefault(column, "").trim();
        }
    }

    /** A case and every way its result differed from what it expects (empty when it passed). */
    public record Outcome(Case testCase, List<String> differences, Set<String> fired) {
        public boolean passed() {
            return differences.isEmpty();
        }
    }

    private RuleCases() {
    }

    public static List<Case> read(Reader in, String name) {
        try (CsvReader csv = new CsvReader(in, name)) {
            List<String> header = csv.next();
            if (header == null || !header.contains("case") || !header.contains("kind")) {
                throw new IllegalArgumentException(name + ": the header must name the columns 'case' and 'kind'");
            }
            for (String column : header) {
                String c = column.trim();
                if (!c.equals("case") && !c.equals("kind") && !c.equals("why") && !EXPECTATIONS.contains(c)
                        && !GREEN_INPUTS.contains(c) && !POLICY_INPUTS.contains(c)) {
                    // A misspelt column would otherwise be ignored and its case would test less than its author thinks.
                    throw new IllegalArgumentException(name + ": unknown column '" + c + "'; inputs are " + GREEN_INPUTS + " and "
                            + POLICY_INPUTS + ", expectations " + EXPECTATIONS);
                }
            }
            List<Case> cases = new ArrayList<>();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException(name + ": line " + csv.recordLine() + ": expected " + header.size()
                            + " fields, found " + row.size());
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i).trim(), row.get(i));
                }
                Case c = new Case(csv.recordLine(), cells.get("case"), cells.get("kind").trim(), cells);
                if (!c.kind().equals("green") && !c.kind().equals("policy")) {
                    throw new IllegalArgumentException(name + ": line " + c.line() + ": kind must be green or policy, got '" + c.kind() + "'");
                }
                cases.add(c);
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Outcome> run(RuleEvaluator rules, List<Case> cases) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            List<String> diff = new ArrayList<>();
            Set<String> fired = new LinkedHashSet<>();
            try {
                if (c.kind().equals("green")) {
                    RuleEvaluator.GreenResult r = rules.evaluateGreen(green(c));
                    r.hits().forEach(h -> fired.add(h.id()));
                    compare(diff, "score", c.get("expect.score"), String.valueOf(r.score()));
                    compare(diff, "grade", c.get("expect.grade"), r.grade());
                    compare(diff, "colour", c.get("expect.colour"), r.colour());
                } else {
                    RuleEvaluator.PolicyResult r = rules.evaluatePolicy(policy(c));
                    r.hits().stream().map(RuleHit::id).forEach(fired::add);
                    compare(diff, "outcome", c.get("expect.outcome"), r.outcome());
                    compare(diff, "limit", number(c.get("expect.limit")), number(String.valueOf(r.limitCny())));
                    compare(diff, "discount", c.get("expect.discount"), String.valueOf(r.rateDiscountBp()));
                }
            } catch (RuntimeException e) {
                diff.add("could not run: " + e.getMessage());
            }
            for (String id : list(c.get("expect.fired"))) {
                if (!fired.contains(id)) {
                    diff.add("expected rule " + id + " to fire; fired " + fired);
                }
            }
            for (String id : list(c.get("expect.notFired"))) {
                if (fired.contains(id)) {
                    diff.add("expected rule " + id + " not to fire");
                }
            }
            outcomes.add(new Outcome(c, diff, fired));
        }
        return outcomes;
    }

    /** Rule ids that some case expects to fire, and some case expects not to fire. */
    public static Set<String> expectedFired(List<Case> cases) {
        Set<String> ids = new LinkedHashSet<>();
        cases.forEach(c -> ids.addAll(list(c.get("expect.fired"))));
        return ids;
    }

    public static Set<String> expectedNotFired(List<Case> cases) {
        Set<String> ids = new LinkedHashSet<>();
        cases.forEach(c -> ids.addAll(list(c.get("expect.notFired"))));
        return ids;
    }

    private static GreenFacts green(Case c) {
        // Behaviours are evidenced unless the case says basis=DECLARED.
        GreenFacts.Behaviours behaviours = new GreenFacts.Behaviours(decimal(c, "eInvoice"), decimal(c, "paperless"),
                decimal(c, "greenProducts"), decimal(c, "renewable"), Boolean.parseBoolean(c.get("equipment")),
                Set.copyOf(list(c.get("certifications"))));
        boolean declared = "DECLARED".equalsIgnoreCase(c.get("basis"));
        return new GreenFacts(c.get("division"), integer(c, "level"), decimal(c, "k"), decimal(c, "yoy"), integer(c, "regionalLevel"),
                integer(c, "historicalLevel"), decimal(c, "physicalShare"),
                intOr(c, "anomalies", 0), declared ? GreenFacts.Behaviours.NONE : behaviours, declared ? behaviours : GreenFacts.Behaviours.NONE,
                !"false".equalsIgnoreCase(c.get("carbonAccount")), intOr(c, "penalties", 0));
    }

    private static PolicyFacts policy(Case c) {
        return new PolicyFacts(decimal(c, "pd"), "B", c.get("colour"), intOr(c, "greenScore", 0), Boolean.parseBoolean(c.get("excluded")),
                intOr(c, "anomalies", 0), !"false".equalsIgnoreCase(c.get("creditData")), integer(c, "maxPastDueDays"),
                decimal(c, "avgMonthlyInflow"), decimal(c, "existingDebt"), decimal(c, "requested") == null ? 0 : decimal(c, "requested"), intOr(c, "term", 12),
                c.get("purpose").isEmpty() ? null : c.get("purpose"), Boolean.parseBoolean(c.get("farm")), decimal(c, "cropValue"),
                Boolean.parseBoolean(c.get("cropMismatch")), intOr(c, "contradicted", 0));
    }

    private static void compare(List<String> diff, String what, String expected, String actual) {
        if (!expected.isEmpty() && !expected.equals(actual)) {
            diff.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static String number(String text) {
        return text.isEmpty() ? "" : String.format(Locale.ROOT, "%.2f", Double.parseDouble(text));
    }

    private static List<String> list(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Double decimal(Case c, String column) {
        String v = c.get(column);
        try {
            return v.isEmpty() ? null : Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + c.line() + ", column '" + column + "': '" + v + "' is not a number", e);
        }
    }

    private static Integer integer(Case c, String column) {
        Double d = decimal(c, column);
        return d == null ? null : (int) Math.round(d);
    }

    private static int intOr(Case c, String column, int otherwise) {
        Integer i = integer(c, column);
        return i == null ? otherwise : i;
    }
}
