package org.greencredit.engine.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.greencredit.datasets.io.RoundedNumber;
import org.greencredit.models.credit.CreditGrades;
import org.greencredit.models.training.Metrics;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The champion against the challenger that scored the same firms in shadow: how often they give the same credit grade
 * (or one apart), how alike they rank the firms (Spearman's rank correlation of the PDs), and, on the firms whose loan
 * outcome is known, each model's discrimination (AUC) and calibration (mean PD against the observed default rate, Brier
 * score, log loss), overall and by the fairness report's groups (region, size class, thin file, farm). For the periodic
 * model review that decides whether the challenger should become the champion.
 */
public final class ChallengerComparison {
    private static final CreditGrades GRADES = CreditGrades.shipped();

    private ChallengerComparison() {
    }

    /** One firm scored by both: its groups ({@link FairnessReport#groupsOf}), both PDs and grades, and its outcome if known. */
    public record Compared(Map<String, String> groups, double championPd, String championGrade, double challengerPd, String challengerGrade,
                           Boolean defaulted) {
    }

    /**
     * One model on the firms whose outcome is known. {@code auc} is null unless both defaults and repayments are among them;
     * every figure is null without outcomes.
     */
    public record Side(@JsonSerialize(using = RoundedNumber.Six.class) Double meanPd, @JsonSerialize(using = RoundedNumber.Six.class) Double auc,
                       @JsonSerialize(using = RoundedNumber.Six.class) Double brier, @JsonSerialize(using = RoundedNumber.Six.class) Double logLoss) {
    }

    /** The two models on one set of firms. {@code spearman} is null for fewer than two firms or when one model gives all the same PD. */
    public record Figures(int firms, @JsonSerialize(using = RoundedNumber.Six.class) double sameGrade,
                          @JsonSerialize(using = RoundedNumber.Six.class) double withinOneGrade,
                          @JsonSerialize(using = RoundedNumber.Six.class) Double spearman,
                          @JsonSerialize(using = RoundedNumber.Six.class) double meanChampionPd,
                          @JsonSerialize(using = RoundedNumber.Six.class) double meanChallengerPd, int withOutcome,
                          @JsonSerialize(using = RoundedNumber.Six.class) Double observedDefaultRate, Side champion, Side challenger) {
    }

    public record Group(String group, Figures figures) {
    }

    public record Dimension(String dimension, List<Group> groups) {
    }

    /** @param population what was compared, e.g. "stored ratings 2026-11-01 to 2026-12-01" */
    public record Report(String population, String championVersion, String challengerVersion, Figures overall, List<Dimension> dimensions) {
    }

    public static Report of(List<Compared> compared, String population, String championVersion, String challengerVersion) {
        List<Dimension> dimensions = new ArrayList<>();
        for (String dimension : FairnessReport.DIMENSIONS) {
            Map<String, List<Compared>> byGroup = new TreeMap<>();
            for (Compared c : compared) {
                byGroup.computeIfAbsent(c.groups().getOrDefault(dimension, "UNKNOWN"), k -> new ArrayList<>()).add(c);
            }
            List<Group> groups = new ArrayList<>();
            byGroup.forEach((group, members) -> groups.add(new Group(group, figures(members))));
            dimensions.add(new Dimension(dimension, groups));
        }
        return new Report(population, championVersion, challengerVersion, figures(compared), dimensions);
    }

    static Figures figures(List<Compared> members) {
        int n = members.size();
        int same = 0;
        int withinOne = 0;
        double championSum = 0;
        double challengerSum = 0;
        for (Compared c : members) {
            int distance = GRADES.distance(c.championGrade(), c.challengerGrade());
            same += distance == 0 ? 1 : 0;
            withinOne += distance <= 1 ? 1 : 0;
            championSum += c.championPd();
            challengerSum += c.challengerPd();
        }
        List<Compared> known = members.stream().filter(c -> c.defaulted() != null).toList();
        Double observed = known.isEmpty() ? null : known.stream().filter(Compared::defaulted).count() / (double) known.size();
        return new Figures(n, n == 0 ? 0 : same / (double) n, n == 0 ? 0 : withinOne / (double) n,
                spearman(members.stream().mapToDouble(Compared::championPd).toArray(), members.stream().mapToDouble(Compared::challengerPd).toArray()),
                n == 0 ? 0 : championSum / n, n == 0 ? 0 : challengerSum / n, known.size(), observed,
                side(known, known.stream().mapToDouble(Compared::championPd).toArray()),
                side(known, known.stream().mapToDouble(Compared::challengerPd).toArray()));
    }

    private static Side side(List<Compared> known, double[] pd) {
        if (known.isEmpty()) {
            return new Side(null, null, null, null);
        }
        boolean[] y = new boolean[known.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = known.get(i).defaulted();
        }
        Metrics m = Metrics.of(pd, y);
        return new Side(IntStream.range(0, pd.length).mapToDouble(i -> pd[i]).average().orElseThrow(), Double.isNaN(m.auc()) ? null : m.auc(),
                m.brier(), m.logLoss());
    }

    /** Pearson's correlation of the ranks (ties given their average rank); null when it is undefined. */
    static Double spearman(double[] a, double[] b) {
        if (a.length < 2) {
            return null;
        }
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double mean = (a.length + 1) / 2.0;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (ra[i] - mean) * (rb[i] - mean);
            va += (ra[i] - mean) * (ra[i] - mean);
            vb += (rb[i] - mean) * (rb[i] - mean);
        }
        return va == 0 || vb == 0 ? null : cov / Math.sqrt(va * vb);
    }

    /** 1-based ranks, ties sharing their average rank. */
    static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().sorted(Comparator.comparingDouble(i -> values[i])).toArray(Integer[]::new);
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = average;
            }
            i = j + 1;
        }
        return ranks;
    }
}
