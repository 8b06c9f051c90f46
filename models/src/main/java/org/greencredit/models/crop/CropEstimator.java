package org.greencredit.models.crop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.greencredit.core.carbon.Rounding;
import org.greencredit.core.rating.PlotAssessment;
import org.greencredit.core.request.Crop;
import org.greencredit.core.request.NdviObservation;
import org.greencredit.core.request.Plot;
import org.greencredit.core.text.BilingualText;
import org.greencredit.core.text.TextCatalogue;
import org.greencredit.datasets.reference.CropReference;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.models.series.SeriesClassifier;

/**
 * The plot pipeline: measured area; the clear readings of the latest year (NDVI given or computed
 * from red and NIR); the season ({@link Phenology}) and the growth stage on the latest reading;
 * when the readings span the year (as the models were trained), the crop recognised with its
 * probability and the expected yield from the yield model; mid-season, the crop recognised by the
 * early-season model from this year's readings and the crop's reference yield; value and lending
 * value from the crop table; and cross-checks of the declared crop and area. With too few readings
 * the declared crop stands with the stated prior confidence and its reference yield. All plots given together are classified and
 * estimated in one model call each.
 */
public final class CropEstimator {
    private static final TextCatalogue TEXTS = TextCatalogue.fromClasspath("/models/texts.tsv");
    /** The classifier sees one year, laid out by day of year. */
    private static final int YEAR_DAYS = 365;
    public static final String REFERENCE_YIELD = "REFERENCE_YIELD";
    public static final String DECLARED = "DECLARED";
    private static final String UNKNOWN_STAGE = "UNKNOWN";

    private final ReferenceData reference;
    private final SeriesClassifier classifier;
    private final SeriesClassifier earlyClassifier;
    private final YieldModel yield;
    private final Phenology.Settings phenology;
    private final double areaTolerance;
    private final int minObservations;
    private final int minSpanDays;
    private final int earlyFromDay;
    private final double declaredOnlyProbability;
    private final double mismatchMinProbability;
    private final double earlyMismatchMinProbability;

    /**
     * @param classifier      judges year-long series
     * @param earlyClassifier judges this year's series cut short mid-season (trained on seasons cut between days 90 and 300)
     */
    public CropEstimator(ReferenceData reference, SeriesClassifier classifier, SeriesClassifier earlyClassifier, YieldModel yield) {
        this.reference = reference;
        this.classifier = classifier;
        this.earlyClassifier = earlyClassifier;
        this.yield = yield;
        this.phenology = Phenology.Settings.of(reference);
        this.areaTolerance = reference.parameter("crop.area.tolerance").value();
        this.minObservations = (int) reference.parameter("crop.ndvi.minObservations").value();
        this.minSpanDays = (int) reference.parameter("crop.ndvi.minSpanDays").value();
        this.earlyFromDay = (int) reference.parameter("crop.ndvi.earlyFromDay").value();
        this.declaredOnlyProbability = reference.parameter("crop.probability.declaredOnly").value();
        this.mismatchMinProbability = reference.parameter("crop.mismatch.minProbability").value();
        this.earlyMismatchMinProbability = reference.parameter("crop.mismatch.minProbabilityEarly").value();
    }

    /** The versions of the models behind the estimates, for a rating's version record. */
    public List<String> modelVersions() {
        return List.of(classifier.version(), earlyClassifier.version(), yield.version());
    }

    /** One plot on its way through the pipeline. */
    private static final class Work {
        final Plot plot;
        final List<NdviObservation> clear;
        Crop crop;
        double probability;
        String cropBasis = DECLARED;
        BilingualText mismatch;
        Phenology season;
        Double modelledKgPerMu;

        Work(Plot plot, List<NdviObservation> clear) {
            this.plot = plot;
            this.clear = clear;
        }
    }

    /** Estimates plots that each have a declared crop and a geometry (the caller checks both). */
    public List<PlotAssessment> estimate(List<Plot> plots) {
        List<Work> work = new ArrayList<>(plots.size());
        for (Plot plot : plots) {
            Work w = new Work(plot, latestYearOfClearReadings(plot));
            w.crop = plot.declaredCrop();
            w.probability = declaredOnlyProbability;
            work.add(w);
        }
        List<Work> readable = work.stream().filter(w -> w.clear.stream().map(NdviObservation::date).distinct().count() >= minObservations)
                .toList();
        for (Work w : readable) {
            w.season = Phenology.of(w.clear.stream().map(NdviObservation::date).toList(),
                    w.clear.stream().map(NdviObservation::ndvi).toList(), phenology);
        }
        List<Work> wholeYear = readable.stream().filter(w -> spanDays(w.clear) >= minSpanDays).toList();
        recogniseCrops(wholeYear, classifier, w -> w.clear, mismatchMinProbability);
        List<Work> partYear = readable.stream().filter(w -> spanDays(w.clear) < minSpanDays && thisYear(w.clear).size() >= minObservations
                && w.clear.get(w.clear.size() - 1).date().getDayOfYear() >= earlyFromDay).toList();
        recogniseCrops(partYear, earlyClassifier, w -> thisYear(w.clear), earlyMismatchMinProbability);
        double[] modelled = yield.predictKgPerMu(wholeYear.stream().map(w -> w.crop).toList(),
                wholeYear.stream().map(w -> w.season).toList(), reference);
        for (int i = 0; i < wholeYear.size(); i++) {
            wholeYear.get(i).modelledKgPerMu = modelled[i];
        }
        return work.stream().map(this::assess).toList();
    }

    private static long spanDays(List<NdviObservation> clear) {
        return java.time.temporal.ChronoUnit.DAYS.between(clear.get(0).date(), clear.get(clear.size() - 1).date());
    }

    /** The readings of the latest reading's calendar year: the early-season model knows seasons from 1 January. */
    private static List<NdviObservation> thisYear(List<NdviObservation> clear) {
        int year = clear.get(clear.size() - 1).date().getYear();
        return clear.stream().filter(o -> o.date().getYear() == year).toList();
    }

    /** Clear readings within a year of the latest one, in date order. */
    private static List<NdviObservation> latestYearOfClearReadings(Plot plot) {
        List<NdviObservation> clear = plot.ndvi().stream().filter(o -> o.clearSky() && o.ndvi() != null)
                .sorted(Comparator.comparing(NdviObservation::date)).toList();
        if (clear.isEmpty()) {
            return clear;
        }
        LocalDate from = clear.get(clear.size() - 1).date().minusDays(YEAR_DAYS - 1);
        return clear.stream().filter(o -> !o.date().isBefore(from)).toList();
    }

    private void recogniseCrops(List<Work> readable, SeriesClassifier model, Function<Work, List<NdviObservation>> readings,
                                double minProbabilityToContradict) {
        if (readable.isEmpty()) {
            return;
        }
        List<double[]> grids = readable.stream().map(w -> onGrid(readings.apply(w), model.length())).toList();
        List<SeriesClassifier.Result> results = model.predict(grids);
        for (int i = 0; i < readable.size(); i++) {
            Work w = readable.get(i);
            SeriesClassifier.Result result = results.get(i);
            Crop detected = Crop.valueOf(result.label());
            double p = result.probabilities().get(result.label());
            Crop declared = w.plot.declaredCrop();
            w.cropBasis = model.version();
            if (detected == declared) {
                w.probability = p;
            } else if (p >= minProbabilityToContradict) {
                w.crop = detected;
                w.probability = p;
                w.mismatch = TEXTS.get("crop.mismatch").with("detected", reference.crop(detected).nameZh(), detected)
                        .with("probability", String.format(Locale.ROOT, "%.2f", p)).with("declared", reference.crop(declared).nameZh(), declared);
            } else {
                w.probability = result.probabilities().getOrDefault(declared.name(), 0.0);
            }
        }
    }

    private PlotAssessment assess(Work w) {
        Plot plot = w.plot;
        Double modelledKgPerMu = w.modelledKgPerMu;
        double areaMu = PlotArea.mu(plot.geometry());
        CropReference crop = reference.crop(w.crop);
        double perMu = modelledKgPerMu == null ? crop.yieldKgPerMu() : modelledKgPerMu;
        double yieldKg = areaMu * perMu;
        double value = yieldKg * crop.priceCnyPerKg();
        String zh = w.mismatch == null ? null : w.mismatch.zh();
        String en = w.mismatch == null ? null : w.mismatch.en();
        if (plot.declaredAreaMu() != null && Math.abs(plot.declaredAreaMu() - areaMu) > areaTolerance * areaMu) {
            BilingualText area = TEXTS.get("crop.areaMismatch").with("declared", String.format(Locale.ROOT, "%.2f", plot.declaredAreaMu()))
                    .with("measured", String.format(Locale.ROOT, "%.2f", areaMu))
                    .with("tolerance", String.format(Locale.ROOT, "%.0f", areaTolerance * 100));
            BilingualText separator = TEXTS.get("crop.separator");
            zh = zh == null ? area.zh() : zh + separator.zh() + area.zh();
            en = en == null ? area.en() : en + separator.en() + area.en();
        }
        Phenology s = w.season;
        LocalDate stageDate = s == null ? null : w.clear.get(w.clear.size() - 1).date();
        return new PlotAssessment(plot.id(), crop.crop().name(), Rounding.ratio(w.probability), w.cropBasis, Rounding.ratio(areaMu),
                plot.declaredAreaMu(),
                s == null ? UNKNOWN_STAGE : s.stageOn(stageDate).name(), stageDate,
                s == null ? null : s.greenUpDate(), s == null ? null : s.peakDate(),
                s == null ? null : Rounding.ratio(s.peakNdvi()), s == null ? null : s.seasonLengthDays(),
                Rounding.kg(perMu), Rounding.kg(yieldKg), modelledKgPerMu == null ? REFERENCE_YIELD : yield.version(),
                Rounding.cny(value), Rounding.cny(value * crop.loanToValue()), crop.harvestMonth(), en != null, zh, en);
    }

    /**
     * The clear readings on the classifier's grid: {@code length} dates ten days apart from 5 January
     * (the layout the classifier was trained on), by day of year, linear between readings.
     */
    static double[] onGrid(List<NdviObservation> clear, int length) {
        List<NdviObservation> byDay = clear.stream().sorted(Comparator.comparingInt(o -> o.date().getDayOfYear())).toList();
        double[] x = new double[byDay.size()];
        double[] y = new double[byDay.size()];
        for (int i = 0; i < byDay.size(); i++) {
            x[i] = byDay.get(i).date().getDayOfYear();
            y[i] = byDay.get(i).ndvi();
        }
        double[] grid = new double[length];
        for (int g = 0; g < length; g++) {
            double day = 5 + 10.0 * g;
            int k = 0;
            while (k < x.length && x[k] < day) {
                k++;
            }
            grid[g] = k == 0 ? y[0] : k == x.length ? y[x.length - 1]
                    : x[k] == x[k - 1] ? y[k] : y[k - 1] + (y[k] - y[k - 1]) * (day - x[k - 1]) / (x[k] - x[k - 1]);
        }
        return grid;
    }
}
