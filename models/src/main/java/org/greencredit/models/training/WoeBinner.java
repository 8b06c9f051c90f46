package org.greencredit.models.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.models.tabular.Column;

/**
 * Bins a feature and computes each bin's weight of evidence. Numeric features start from up to
 * {@link Binning#initialBins} quantile bins; bins smaller than {@link Binning#minBinShare} of the
 * rows are merged into a neighbour, then adjacent bins are pooled until the positive rate moves in
 * one direction (monotone, as a scorecard reader expects: more debt never looks safer). Categories
 * keep their own bin when common enough, the rest share OTHER. Missing values always get their own
 * bin. Each bin's WoE is shrunk toward zero by {@link Binning#priorRows} imaginary rows at the base
 * rate added to its counts, so that a bin of a few rows cannot claim an extreme WoE, and empty cells
 * stay finite. (Adding the same count of each class instead, as the first release did, pulls a small
 * bin toward a 50% rate: with rare defaults, toward a risk it never showed.)
 */
public final class WoeBinner {
    static final int MAX_CATEGORIES = 50;
    /** A category keeps its own bin with at least this many rows (and at least a third of the smallest numeric bin's share). */
    static final int MIN_CATEGORY_ROWS = 10;

    /**
     * How finely to bin and how hard to shrink: quantile bins to start from, the smallest bin as a
     * share of the rows, and the imaginary rows at the base rate added to every bin's counts.
     */
    public record Binning(int initialBins, double minBinShare, double priorRows) {
        /** Fine bins and light shrinkage (one row), for many rows and the boosted learner's category encoding. */
        public static final Binning FINE = new Binning(20, 0.03, 1);

        @Override
        public String toString() {
            return initialBins + " initial bins, bins of at least " + Math.round(minBinShare * 100) + "% of rows, WoE shrunk by "
                    + (priorRows == Math.rint(priorRows) ? Long.toString((long) priorRows) : Double.toString(priorRows)) + " rows at the base rate";
        }
    }

    private final Binning binning;
    private final int totalPositives;
    private final int totalNegatives;
    private final double baseRate;

    public WoeBinner(boolean[] y, int[] rows, Binning binning) {
        int p = 0;
        for (int r : rows) {
            p += y[r] ? 1 : 0;
        }
        this.binning = binning;
        this.totalPositives = p;
        this.totalNegatives = rows.length - p;
        this.baseRate = rows.length == 0 ? 0.5 : (double) p / rows.length;
    }

    public double woe(int count, int positives) {
        return Math.log(negativeShare(count, positives) / positiveShare(positives));
    }

    private double negativeShare(int count, int positives) {
        return (count - positives + binning.priorRows() * (1 - baseRate)) / (totalNegatives + binning.priorRows() * (1 - baseRate));
    }

    private double positiveShare(int positives) {
        return (positives + binning.priorRows() * baseRate) / (totalPositives + binning.priorRows() * baseRate);
    }

    /** Information value of a binning: how strongly the feature separates the classes. */
    public double informationValue(List<WoeBin> bins) {
        double iv = 0;
        for (WoeBin b : bins) {
            iv += (negativeShare(b.count(), b.positives()) - positiveShare(b.positives())) * b.woe();
        }
        return iv;
    }

    public List<WoeBin> bin(Column column, boolean[] y, int[] rows) {
        List<WoeBin> bins = column.numeric() ? numeric(column, y, rows) : categorical(column, y, rows);
        int missing = 0;
        int missingPositives = 0;
        for (int r : rows) {
            if (column.isMissing(r)) {
                missing++;
                missingPositives += y[r] ? 1 : 0;
            }
        }
        // A missing bin even when training saw none: new data may lack the value, and it then scores neutral.
        double missingWoe = missing == 0 ? 0.0 : woe(missing, missingPositives);
        bins.add(new WoeBin(column.name(), WoeBin.Kind.MISSING, null, null, null, missing, missingPositives, missingWoe, 0));
        return bins;
    }

    private List<WoeBin> numeric(Column column, boolean[] y, int[] rows) {
        double[] present = Arrays.stream(rows).filter(r -> !column.isMissing(r)).mapToDouble(r -> column.numbers()[r]).sorted().toArray();
        List<WoeBin> bins = new ArrayList<>();
        if (present.length == 0) {
            return bins;
        }
        List<Double> cuts = new ArrayList<>();
        for (int q = 1; q < binning.initialBins(); q++) {
            double cut = present[(int) Math.floor((double) q * present.length / binning.initialBins())];
            if (cut > present[0] && (cuts.isEmpty() || cut > cuts.get(cuts.size() - 1))) {
                cuts.add(cut);
            }
        }
        int k = cuts.size() + 1;
        int[] count = new int[k];
        int[] pos = new int[k];
        for (int r : rows) {
            if (column.isMissing(r)) {
                continue;
            }
            int b = binIndex(cuts, column.numbers()[r]);
            count[b]++;
            pos[b] += y[r] ? 1 : 0;
        }
        List<double[]> groups = new ArrayList<>();
        for (int b = 0; b < k; b++) {
            // lower, upper, count, positives
            groups.add(new double[] {b == 0 ? Double.NEGATIVE_INFINITY : cuts.get(b - 1), b == k - 1 ? Double.POSITIVE_INFINITY : cuts.get(b),
                count[b], pos[b]});
        }
        mergeSmall(groups, (int) Math.ceil(binning.minBinShare() * present.length));
        makeMonotone(groups);
        for (double[] g : groups) {
            bins.add(new WoeBin(column.name(), WoeBin.Kind.RANGE, Double.isInfinite(g[0]) ? null : g[0],
                    Double.isInfinite(g[1]) ? null : g[1], null, (int) g[2], (int) g[3], woe((int) g[2], (int) g[3]), 0));
        }
        return bins;
    }

    private static int binIndex(List<Double> cuts, double value) {
        int lo = 0;
        int hi = cuts.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (value >= cuts.get(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void mergeSmall(List<double[]> groups, int minCount) {
        boolean merged = true;
        while (merged && groups.size() > 1) {
            merged = false;
            for (int i = 0; i < groups.size(); i++) {
                if (groups.get(i)[2] < minCount) {
                    int j = i == 0 ? 1 : i == groups.size() - 1 ? i - 1 : groups.get(i - 1)[2] <= groups.get(i + 1)[2] ? i - 1 : i + 1;
                    join(groups, Math.min(i, j));
                    merged = true;
                    break;
                }
            }
        }
    }

    /** Pools adjacent bins until the positive rate only rises or only falls, in the direction of the overall trend. */
    private static void makeMonotone(List<double[]> groups) {
        if (groups.size() < 2) {
            return;
        }
        boolean rising = trend(groups) >= 0;
        boolean changed = true;
        while (changed && groups.size() > 1) {
            changed = false;
            for (int i = 0; i + 1 < groups.size(); i++) {
                double a = rate(groups.get(i));
                double b = rate(groups.get(i + 1));
                if (rising ? b < a : b > a) {
                    join(groups, i);
                    changed = true;
                    break;
                }
            }
        }
    }

    /** Count-weighted least-squares slope of the positive rate over the bin index. */
    private static double trend(List<double[]> groups) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < groups.size(); i++) {
            double w = groups.get(i)[2];
            n += w;
            sx += w * i;
            sy += w * rate(groups.get(i));
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        for (int i = 0; i < groups.size(); i++) {
            sxy += groups.get(i)[2] * (i - mx) * (rate(groups.get(i)) - my);
        }
        return sxy;
    }

    private static double rate(double[] g) {
        return g[2] == 0 ? 0 : g[3] / g[2];
    }

    private static void join(List<double[]> groups, int i) {
        double[] a = groups.get(i);
        double[] b = groups.remove(i + 1);
        groups.set(i, new double[] {a[0], b[1], a[2] + b[2], a[3] + b[3]});
    }

    private List<WoeBin> categorical(Column column, boolean[] y, int[] rows) {
        Map<String, int[]> stats = new HashMap<>();
        for (int r : rows) {
            if (!column.isMissing(r)) {
                int[] s = stats.computeIfAbsent(column.raw()[r], k -> new int[2]);
                s[0]++;
                s[1] += y[r] ? 1 : 0;
            }
        }
        int minCount = Math.max(MIN_CATEGORY_ROWS, (int) Math.ceil(binning.minBinShare() / 3 * rows.length));
        List<Map.Entry<String, int[]>> frequent = stats.entrySet().stream()
                .filter(e -> e.getValue()[0] >= minCount)
                .sorted(Comparator.comparing((Map.Entry<String, int[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .limit(MAX_CATEGORIES).toList();
        List<WoeBin> bins = new ArrayList<>();
        int otherCount = 0;
        int otherPositives = 0;
        for (Map.Entry<String, int[]> e : stats.entrySet()) {
            if (!frequent.contains(e)) {
                otherCount += e.getValue()[0];
                otherPositives += e.getValue()[1];
            }
        }
        for (Map.Entry<String, int[]> e : frequent) {
            bins.add(new WoeBin(column.name(), WoeBin.Kind.CATEGORY, null, null, e.getKey(), e.getValue()[0], e.getValue()[1],
                    woe(e.getValue()[0], e.getValue()[1]), 0));
        }
        bins.add(new WoeBin(column.name(), WoeBin.Kind.OTHER, null, null, null, otherCount, otherPositives,
                otherCount == 0 ? 0.0 : woe(otherCount, otherPositives), 0));
        return bins;
    }
}
