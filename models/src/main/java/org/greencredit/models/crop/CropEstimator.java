package org.greencredit.models.crop;

import java.util.Comparator;
import java.util.List;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.request.NdviObservation;
import org.greencredit.core.request.Plot;
import org.greencredit.datasets.reference.CropReference;
import org.greencredit.datasets.reference.ReferenceData;

/**
 * First version of the plot pipeline: measured area, peak NDVI of the clear observations,
 * growth stage from where the last observation sits on the curve, expected yield as the crop's
 * reference yield scaled by peak NDVI against the crop's typical peak, value and lending value
 * from the crop table, and an area cross-check. The crop itself is the declared one, with the
 * stated prior confidence, until the classifier of issue 7 recognises it from the curve.
 */
public final class CropEstimator {
    private final ReferenceData reference;
    private final double areaTolerance;
    private final int minObservations;
    private final double peakRatioFloor;
    private final double declaredOnlyProbability;

    public CropEstimator(ReferenceData reference) {
        this.reference = reference;
        this.areaTolerance = reference.parameter("crop.area.tolerance").value();
        this.minObservations = (int) reference.parameter("crop.ndvi.minObservations").value();
        this.peakRatioFloor = reference.parameter("crop.ndvi.peakRatio.floor").value();
        this.declaredOnlyProbability = reference.parameter("crop.probability.declaredOnly").value();
    }

    /** Estimates a plot that has a declared crop and a geometry (the caller checks both). */
    public PlotEstimate estimate(Plot plot) {
        CropReference crop = reference.crop(plot.declaredCrop());
        double areaMu = PlotArea.mu(plot.geometry());
        List<NdviObservation> clear = plot.ndvi().stream().filter(NdviObservation::clearSky)
                .sorted(Comparator.comparing(NdviObservation::date)).toList();
        Double peak = null;
        String stage = "UNKNOWN";
        double health = 1.0;
        if (clear.size() >= minObservations) {
            NdviObservation top = clear.stream().max(Comparator.comparingDouble(NdviObservation::value)).orElseThrow();
            peak = top.value();
            health = Math.max(peakRatioFloor, Math.min(1.1, peak / crop.typicalPeakNdvi()));
            stage = stage(clear, top);
        }
        double yieldKg = areaMu * crop.yieldKgPerMu() * health;
        double value = yieldKg * crop.priceCnyPerKg();
        String mismatchReason = null;
        if (plot.declaredAreaMu() != null && Math.abs(plot.declaredAreaMu() - areaMu) > areaTolerance * areaMu) {
            mismatchReason = String.format(java.util.Locale.ROOT, "declared area %.2f mu differs from the measured %.2f mu by more than %.0f%%",
                    plot.declaredAreaMu(), areaMu, areaTolerance * 100);
        }
        return new PlotEstimate(plot.id(), crop.crop().name(), declaredOnlyProbability, Rounding.ratio(areaMu), plot.declaredAreaMu(),
                stage, peak, Rounding.kg(yieldKg), Rounding.cny(value), Rounding.cny(value * crop.loanToValue()),
                crop.harvestMonth(), mismatchReason != null, mismatchReason);
    }

    private static String stage(List<NdviObservation> clear, NdviObservation top) {
        NdviObservation last = clear.get(clear.size() - 1);
        double base = clear.stream().mapToDouble(NdviObservation::value).min().orElse(0);
        double amplitude = top.value() - base;
        if (last.date().isBefore(top.date()) || last == top) {
            return amplitude > 0 && (last.value() - base) / amplitude < 0.5 ? "GREEN_UP" : "PEAK";
        }
        double remaining = amplitude > 0 ? (last.value() - base) / amplitude : 0;
        return remaining > 0.7 ? "PEAK" : remaining > 0.25 ? "SENESCENCE" : "HARVESTED";
    }
}
