package org.greencredit.engine.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.RoundedNumber;
import org.greencredit.datasets.reference.Parameter;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.reference.ReferenceTable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * How the decisions fall on groups of firms: approval, referral and decline rates, the average limit
 * and discount of approved firms, and, where outcomes are known, the mean PD against the observed
 * default rate, by region (more and less developed, {@code region_development.csv}), size class, thin
 * file and farm versus non-farm. Each group's approval rate is compared with the highest group's of
 * its dimension (the four-fifths rule); the bound and the calibration interval are rows of
 * {@code parameters.csv} with their sources.
 */
public final class FairnessReport {
    /** The dimensions, in report order. */
    public static final List<String> DIMENSIONS = List.of("region", "sizeClass", "thinFile", "farm");
    private static final Map<String, String> DEVELOPMENT = development();

    private FairnessReport() {
    }

    /** One rated firm: its group in each dimension, the decision, and its outcome when known (null otherwise). */
    public record Rated(Map<String, String> groups, Outcome outcome, double limitCny, int rateDiscountBp, double pd, Boolean defaulted) {
    }

    /**
     * One group's figures. {@code approvalRatio} is its approval rate over the highest of its dimension; {@code observedDefaultRate}
     * and {@code calibrated} are null when no outcome of the group is known.
     */
    public record Group(String group, int firms, @JsonSerialize(using = RoundedNumber.Six.class) double approvalRate,
                        @JsonSerialize(using = RoundedNumber.Six.class) double referralRate,
                        @JsonSerialize(using = RoundedNumber.Six.class) double declineRate,
                        @JsonSerialize(using = RoundedNumber.Six.class) double meanLimitCnyApproved,
                        @JsonSerialize(using = RoundedNumber.Six.class) double meanDiscountBpApproved,
                        @JsonSerialize(using = RoundedNumber.Six.class) double approvalRatio, boolean belowBound,
                        @JsonSerialize(using = RoundedNumber.Six.class) double meanPd, int withOutcome,
                        @JsonSerialize(using = RoundedNumber.Six.class) Double observedDefaultRate, Boolean calibrated) {
    }

    public record Dimension(String dimension, List<Group> groups) {
    }

    /**
     * The report: which population was rated with which rules, models and factors, the bounds it applied with their sources, and
     * one line per group that broke a bound.
     */
    public record Report(String population, String versions, int firms, double approvalRatioBound, String approvalRatioSource, double calibrationZ, String calibrationSource,
                         List<Dimension> dimensions, List<String> findings) {
    }

    /** The report shipped for the algorithm filing: {@code model fairness --count 10000 --seed 2} with the shipped engine. */
    public static final String SHIPPED = "/engine/fairness-synthetic.json";

    /** A request's group in each dimension. */
    public static Map<String, String> groupsOf(RatingRequest request) {
        Map<String, String> groups = new LinkedHashMap<>();
        String province = request.sme().provinceCode();
        groups.put("region", DEVELOPMENT.getOrDefault(province, "UNKNOWN"));
        groups.put("sizeClass", request.sme().sizeClass().name());
        groups.put("thinFile", request.credit() == null ? "thin" : "full");
        groups.put("farm", request.plots() != null && !request.plots().isEmpty() ? "farm" : "non-farm");
        return groups;
    }

    /**
     * @param population what was rated, e.g. "SyntheticPopulation seed 2, 10000 firms"
     * @param versions   the ruleset, models and factors the ratings report
     */
    public static Report of(List<Rated> rated, ReferenceData reference, String population, String versions) {
        Parameter bound = reference.parameter("fairness.adverseImpactRatio.min");
        Parameter z = reference.parameter("fairness.calibration.z");
        List<Dimension> dimensions = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (String dimension : DIMENSIONS) {
            Map<String, List<Rated>> byGroup = new TreeMap<>();
            for (Rated r : rated) {
                byGroup.computeIfAbsent(r.groups().get(dimension), k -> new ArrayList<>()).add(r);
            }
            double highest = byGroup.values().stream().mapToDouble(FairnessReport::approvalRate).max().orElse(0);
            List<Group> groups = new ArrayList<>();
            byGroup.forEach((name, members) -> {
                Group g = group(name, members, highest, bound.value(), z.value());
                groups.add(g);
                if (g.belowBound()) {
                    findings.add(String.format(java.util.Locale.ROOT, "%s %s: approval rate %.4f is %.4f of the highest group's, below %s",
                            dimension, name, g.approvalRate(), g.approvalRatio(), bound.value()));
                }
                if (Boolean.FALSE.equals(g.calibrated())) {
                    findings.add(String.format(java.util.Locale.ROOT, "%s %s: observed default rate %.4f against mean PD %.4f (%d firms with outcomes)",
                            dimension, name, g.observedDefaultRate(), g.meanPd(), g.withOutcome()));
                }
            });
            dimensions.add(new Dimension(dimension, groups));
        }
        return new Report(population, versions, rated.size(), bound.value(), bound.source(), z.value(), z.source(), dimensions, findings);
    }

    private static double approvalRate(List<Rated> members) {
        return members.stream().filter(r -> r.outcome() == Outcome.APPROVE).count() / (double) members.size();
    }

    private static Group group(String name, List<Rated> members, double highestApproval, double bound, double z) {
        int n = members.size();
        Map<Outcome, Integer> counts = new HashMap<>();
        double limits = 0;
        double discounts = 0;
        double pd = 0;
        double pdWithOutcome = 0;
        int withOutcome = 0;
        int defaults = 0;
        for (Rated r : members) {
            counts.merge(r.outcome(), 1, Integer::sum);
            if (r.outcome() == Outcome.APPROVE) {
                limits += r.limitCny();
                discounts += r.rateDiscountBp();
            }
            pd += r.pd();
            if (r.defaulted() != null) {
                withOutcome++;
                pdWithOutcome += r.pd();
                defaults += r.defaulted() ? 1 : 0;
            }
        }
        int approved = counts.getOrDefault(Outcome.APPROVE, 0);
        double approvalRate = (double) approved / n;
        double ratio = highestApproval == 0 ? 1 : approvalRate / highestApproval;
        Double observed = withOutcome == 0 ? null : (double) defaults / withOutcome;
        Boolean calibrated = null;
        if (observed != null) {
            double expected = pdWithOutcome / withOutcome;
            calibrated = Math.abs(observed - expected) <= z * Math.sqrt(expected * (1 - expected) / withOutcome);
        }
        return new Group(name, n, approvalRate, counts.getOrDefault(Outcome.REFER, 0) / (double) n, counts.getOrDefault(Outcome.DECLINE, 0) / (double) n,
                approved == 0 ? 0 : limits / approved, approved == 0 ? 0 : discounts / approved, ratio, ratio < bound, pd / n, withOutcome, observed,
                calibrated);
    }

    private static Map<String, String> development() {
        Map<String, String> development = new HashMap<>();
        for (ReferenceTable.Row r : ReferenceTable.load("region_development.csv", "province", "region", "development").rows()) {
            development.put(r.text("province"), r.text("development").equals("MORE") ? "more-developed" : "less-developed");
        }
        return development;
    }
}
