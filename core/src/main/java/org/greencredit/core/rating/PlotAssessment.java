package org.greencredit.core.rating;

/**
 * @param crop        the crop the engine assesses the plot as growing
 * @param probability confidence in {@link #crop}, 0..1
 * @param areaMu      geodesic area of the outline in mu (1 mu = 666.67 m2)
 * @param mismatch    the declaration disagrees with what was measured (crop or area)
 */
public record PlotAssessment(
        String plotId,
        String crop,
        double probability,
        double areaMu,
        Double declaredAreaMu,
        String growthStage,
        Double peakNdvi,
        double expectedYieldKg,
        double expectedValueCny,
        boolean mismatch,
        String mismatchReason) {
}
