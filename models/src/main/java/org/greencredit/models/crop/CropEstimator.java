package org.greencredit.models.crop;

import java.util.Comparator;
import java.util.List;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.request.NdviObservation;
import org.greencredit.core.request.Crop;
import org.greencredit.core.request.Plot;
import org.greencredit.datasets.reference.CropReference;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.models.series.SeriesClassifier;

/**
 * The plot pipeline: measured area; the crop recognised from the NDVI curve (put on the
 * classifier's ten-day grid of the season) with its probability; peak NDVI of the clear readings;
 * growth stage from where the last reading sits on the curve; expected yield as the crop's
 * reference yield scaled by peak NDVI against the crop's typical peak; value and lending value
 * from the crop table; and cross-checks of the declared crop and area. Without enough clear
 * readings the declared crop stands, with the stated prior confidence.
 */
public final class CropEstimator {
    private final ReferenceData reference;
    private final double areaTolerance;
    private final int minObservations;
    private final double peakRatioFloor;
    private final double declaredOnlyProbability;
    private final double mismatchMinProbability;
    private final SeriesClassifier classifier;

    /** @param classifier recognises the crop from an NDVI curve; null to keep the declared crop */
    public CropEstimator(ReferenceData reference, SeriesClassifier classifier) {
        this.classifier = classifier;
        this.mismatchMinProbability = reference.parameter("crop.mismatch.minProbability").value();
        this.reference = reference;
        this.areaTolerance = reference.parameter("crop.area.tolerance").value();
        this.minObservations = (int) reference.parameter("crop.ndvi.minObservations").value();
        this.peakRatioFloor = reference.parameter("crop.ndvi.peakRatio.floor").value();
        this.declaredOnlyProbability = reference.parameter("crop.probability.declaredOnly").value();
    }

    /** Estimates a plot that has a declared crop and a geometry (the caller checks both). */
    public PlotEstimate estimate(Plot plot) {
        double areaMu = PlotArea.mu(plot.geometry());
        List<NdviObservation> clear = plot.ndvi().stream().filter(NdviObservation::clearSky)
                .sorted(Comparator.comparing(NdviObservation::date)).toList();
        Crop assessed = plot.declaredCrop();
        double probability = declaredOnlyProbability;
        String cropMismatch = null;
        if (classifier != null && clear.size() >= minObservations) {
            SeriesClassifier.Result result = classifier.predict(List.of(onGrid(clear, classifier.length()))).get(0);
            Crop detected = Crop.valueOf(result.label());
            double p = result.probabilities().get(result.label());
            if (detected == plot.declaredCrop()) {
                probability = p;
            } else if (p >= mismatchMinProbability) {
                assessed = detected;
                probability = p;
                cropMismatch = String.format(java.util.Locale.ROOT, "the satellite curve shows %s (probability %.2f), not the declared %s",
                        detected, p, plot.declaredCrop());
            } else {
                probability = result.probabilities().getOrDefault(plot.declaredCrop().name(), 0.0);
            }
        }
        CropReference crop = reference.crop(assessed);
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
        String mismatchReason = cropMismatch;
        if (plot.declaredAreaMu() != null && Math.abs(plot.declaredAreaMu() - areaMu) > areaTolerance * areaMu) {
            String area = String.format(java.util.Locale.ROOT, "declared area %.2f mu differs from the measured %.2f mu by more than %.0f%%",
                    plot.declaredAreaMu(), areaMu, areaTolerance * 100);
            mismatchReason = mismatchReason == null ? area : mismatchReason + "; " + area;
        }
        return new PlotEstimate(plot.id(), crop.crop().name(), Rounding.ratio(probability), Rounding.ratio(areaMu), plot.declaredAreaMu(),
                stage, peak, Rounding.kg(yieldKg), Rounding.cny(value), Rounding.cny(value * crop.loanToValue()),
                crop.harvestMonth(), mismatchReason != null, mismatchReason);
    }

    /**
     * The clear readings on the classifier's grid: {@code length} dates ten days apart from 5 January
     * of the season's year (the layout the classifier was trained on), linear between readings.
     */
    static double[] onGrid(List<NdviObservation> clear, int length) {
        double[] x = new double[clear.size()];
        double[] y = new double[clear.size()];
        for (int i = 0; i < clear.size(); i++) {
            x[i] = clear.get(i).date().getDayOfYear();
            y[i] = clear.get(i).value();
        }
        double[] grid = new double[length];
        for (int g = 0; g < length; g++) {
            double day = 5 + 10.0 * g;
            int k = 0;
            while (k < x.length && x[k] < day) {
                k++;
            }
            grid[g] = k == 0 ? y[0] : k == x.length ? y[x.length - 1] : y[k - 1] + (y[k] - y[k - 1]) * (day - x[k - 1]) / (x[k] - x[k - 1]);
        }
        return grid;
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
