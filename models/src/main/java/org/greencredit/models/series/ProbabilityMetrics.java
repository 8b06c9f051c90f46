package org.greencredit.models.series;

import java.util.List;
import java.util.Map;
import org.greencredit.datasets.io.RoundedNumber;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Whether a classifier's probabilities mean what they say: log loss of the true class, mean
 * confidence (the top probability) against accuracy, and the expected calibration error over
 * {@value #BINS} equal-width confidence bins (Naeini et al. 2015).
 */
public record ProbabilityMetrics(int n, @JsonSerialize(using = RoundedNumber.Six.class) double logLoss,
                                 @JsonSerialize(using = RoundedNumber.Six.class) double meanConfidence,
                                 @JsonSerialize(using = RoundedNumber.Six.class) double accuracy,
                                 @JsonSerialize(using = RoundedNumber.Six.class) double expectedCalibrationError) {
    static final int BINS = 15;

    public static ProbabilityMetrics of(List<String> truth, List<Map<String, Double>> probabilities) {
        int n = truth.size();
        double[] binConfidence = new double[BINS];
        double[] binCorrect = new double[BINS];
        int[] binCount = new int[BINS];
        double logLoss = 0;
        double confidence = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            Map<String, Double> p = probabilities.get(i);
            Map.Entry<String, Double> top = p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            boolean right = top.getKey().equals(truth.get(i));
            logLoss -= Math.log(Math.max(1e-15, p.getOrDefault(truth.get(i), 0.0)));
            confidence += top.getValue();
            correct += right ? 1 : 0;
            int bin = Math.min(BINS - 1, (int) (top.getValue() * BINS));
            binConfidence[bin] += top.getValue();
            binCorrect[bin] += right ? 1 : 0;
            binCount[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (binCount[b] > 0) {
                ece += Math.abs(binCorrect[b] - binConfidence[b]) / n;
            }
        }
        return new ProbabilityMetrics(n, logLoss / n, confidence / n, (double) correct / n, ece);
    }
}
