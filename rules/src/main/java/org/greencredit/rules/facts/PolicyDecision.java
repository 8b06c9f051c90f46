package org.greencredit.rules.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the policy rules conclude. The most severe outcome any rule sets wins; the limit is the
 * smallest cap any rule sets; discounts add up.
 */
public final class PolicyDecision {
    /** Outcomes from least to most severe. */
    private static final List<String> SEVERITY = List.of("APPROVE", "REFER", "DECLINE");

    private final PolicyFacts facts;
    private String outcome = "APPROVE";
    private double limitCny = Double.POSITIVE_INFINITY;
    private int rateDiscountBp;
    private final List<String> referralReasons = new ArrayList<>();
    private final Map<String, String> evidence = new LinkedHashMap<>();
    private final Map<String, Integer> effects = new LinkedHashMap<>();
    private final Map<String, String> pendingReasons = new LinkedHashMap<>();

    /** @param facts the facts being decided, so that decision-table rows can name the evidence they used */
    public PolicyDecision(PolicyFacts facts) {
        this.facts = facts;
    }

    public void outcomeAtLeast(String ruleName, String candidate, String reason, String seen) {
        if (!SEVERITY.contains(candidate)) {
            throw new IllegalArgumentException("unknown outcome " + candidate + " in rule " + ruleName);
        }
        if (SEVERITY.indexOf(candidate) > SEVERITY.indexOf(outcome)) {
            outcome = candidate;
        }
        if (!"APPROVE".equals(candidate)) {
            referralReasons.add(reason);
        }
        evidence.put(ruleName, seen);
    }

    /** A decision-table row's reason code, given before its outcome. */
    public void reason(String ruleName, String code) {
        pendingReasons.put(ruleName, code);
    }

    /** A decision-table row's outcome, with the reason code and evidence the row gave first. */
    public void outcomeAtLeast(String ruleName, String candidate) {
        outcomeAtLeast(ruleName, candidate, pendingReasons.getOrDefault(ruleName, ruleName), evidence.getOrDefault(ruleName, ""));
    }

    /** A decision-table row's discount. */
    public void addDiscount(String ruleName, int bp) {
        addDiscount(ruleName, bp, evidence.getOrDefault(ruleName, ""));
    }

    /** Caps the limit at a number of months of average inflow. */
    public void capLimitAtInflowMonths(String ruleName, double months) {
        capLimit(ruleName, months * facts.getAverageMonthlyInflowCny(), evidence.getOrDefault(ruleName, ""));
    }

    /** Records the value of the named fact as the evidence of a decision-table row. */
    public void evidence(String ruleName, String field) {
        evidence.put(ruleName, facts.describe(field));
    }

    public void capLimit(String ruleName, double capCny, String seen) {
        limitCny = Math.min(limitCny, Math.max(0, capCny));
        evidence.put(ruleName, seen);
    }

    public void addDiscount(String ruleName, int bp, String seen) {
        rateDiscountBp += bp;
        effects.put(ruleName, bp);
        evidence.put(ruleName, seen);
    }

    public String getOutcome() {
        return outcome;
    }

    public double getLimitCny() {
        return limitCny;
    }

    public int getRateDiscountBp() {
        return rateDiscountBp;
    }

    public void setRateDiscountBp(String ruleName, int bp, String seen) {
        rateDiscountBp = bp;
        effects.put(ruleName, bp);
        evidence.put(ruleName, seen);
    }

    public List<String> referralReasons() {
        return referralReasons;
    }

    public Map<String, String> evidence() {
        return evidence;
    }

    public Map<String, Integer> effects() {
        return effects;
    }
}
