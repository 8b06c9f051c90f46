package org.greencredit.core.rating;

import java.time.LocalDate;

/**
 * What the engine found for one plot.
 *
 * @param crop                the crop the engine assesses the plot as growing
 * @param probability         confidence in {@link #crop}, 0..1
 * @param cropBasis           the crop model that judged the curve (whole-year or early-season), or DECLARED when none could
 * @param areaMu              geodesic area of the outline in mu (1 mu = 666.67 m2)
 * @param growthStage         stage on {@code stageDate} read from the smoothed NDVI curve (UNKNOWN with too few clear readings)
 * @param stageDate           the latest clear reading: the satellite cannot see later
 * @param seasonLengthDays    green-up to end of season, or to the latest reading while the season lasts
 * @param yieldBasis          the yield model's version, or REFERENCE_YIELD when too few clear readings left only the crop table
 * @param lendingValueCny     expected value x the crop's loan-to-value: what this plot can support
 * @param harvestMonth        month of year (1-12) the crop is usually harvested, from the crop calendar
 * @param mismatch            the declaration disagrees with what was measured (crop or area)
 */
public record PlotAssessment(
        String plotId,
        String crop,
        double probability,
        String cropBasis,
        double areaMu,
        Double declaredAreaMu,
        String growthStage,
        LocalDate stageDate,
        LocalDate greenUpDate,
        LocalDate peakDate,
        Double peakNdvi,
        Integer seasonLengthDays,
        double expectedYieldKgPerMu,
        double expectedYieldKg,
        String yieldBasis,
        double expectedValueCny,
        double lendingValueCny,
        int harvestMonth,
        boolean mismatch,
        String mismatchReasonZh,
        String mismatchReason) {
}
