package org.greencredit.models.crop;

/**
 * What the engine estimates for one plot.
 *
 * @param lendingValueCny expected value x the crop's loan-to-value
 * @param harvestMonth    month of year (1-12) the crop is usually harvested
 */
public record PlotEstimate(String plotId, String crop, double probability, double areaMu, Double declaredAreaMu,
                           String growthStage, Double peakNdvi, double expectedYieldKg, double expectedValueCny,
                           double lendingValueCny, int harvestMonth, boolean mismatch, String mismatchReason) {
}
