package org.greencredit.models.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.greencredit.datasets.io.RoundedNumber;
import tools.jackson.databind.annotation.JsonSerialize;
import java.util.stream.IntStream;

/**
 * Discrimination and calibration of predicted probabilities: AUC (with tied scores counted half),
 * Gini, KS, Brier score, log loss, accuracy at 0.5, and a calibration table by decile of
 * predicted probability.
 */
public record Metrics(int n, int positives, @JsonSerialize(using = RoundedNumber.Six.class) double auc,
                      @JsonSerialize(using = RoundedNumber.Six.class) double gini, @JsonSerialize(using = RoundedNumber.Six.class) double ks,
                      @JsonSerialize(using = RoundedNumber.Six.class) double brier, @JsonSerialize(using = RoundedNumber.Six.class) double logLoss,
                      @JsonSerialize(using = RoundedNumber.Six.class) double accuracy, List<CalibrationBin> calibration) {

    /** Mean predicted probability and observed positive rate within one slice of predictions. */
    public record CalibrationBin(int n, @JsonSerialize(using = RoundedNumber.Six.class) double meanPredicted,
                                 @JsonSerialize(using = RoundedNumber.Six.class) double observed) {
    }

    private static final int DECILES = 10;

    public static Metrics of(double[] p, boolean[] y) {
        int n = p.length;
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        int negatives = n - positives;
        // Rank-sum AUC with average ranks for ties.
        double rankSum = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]]) {
                    rankSum += averageRank;
                }
            }
            i = j + 1;
        }
        double auc = positives == 0 || negatives == 0 ? Double.NaN
                : (rankSum - (double) positives * (positives + 1) / 2.0) / ((double) positives * negatives);
        double ks = 0;
        int seenPos = 0;
        int seenNeg = 0;
        for (int i = n - 1; i >= 0; i--) {
            if (y[order[i]]) {
                seenPos++;
            } else {
                seenNeg++;
            }
            if (i == 0 || p[order[i - 1]] != p[order[i]]) {
                ks = Math.max(ks, Math.abs((double) seenPos / Math.max(1, positives) - (double) seenNeg / Math.max(1, negatives)));
            }
        }
        double brier = 0;
        double logLoss = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            double target = y[i] ? 1 : 0;
            brier += (p[i] - target) * (p[i] - target);
            double clipped = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
            logLoss -= y[i] ? Math.log(clipped) : Math.log(1 - clipped);
            correct += (p[i] >= 0.5) == y[i] ? 1 : 0;
        }
        List<CalibrationBin> calibration = new ArrayList<>();
        for (int d = 0; d < DECILES; d++) {
            int from = (int) ((long) d * n / DECILES);
            int to = (int) ((long) (d + 1) * n / DECILES);
            if (to <= from) {
                continue;
            }
            double sumP = 0;
            int pos = 0;
            for (int k = from; k < to; k++) {
                sumP += p[order[k]];
                pos += y[order[k]] ? 1 : 0;
            }
            calibration.add(new CalibrationBin(to - from, sumP / (to - from), (double) pos / (to - from)));
        }
        return new Metrics(n, positives, auc, 2 * auc - 1, ks, brier / n, logLoss / n, (double) correct / n, calibration);
    }
}
