package org.greencredit.models.crop;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.greencredit.core.request.Crop;
import org.greencredit.datasets.io.RoundedNumber;
import org.greencredit.datasets.reference.CropReference;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.models.series.LabelledSeries;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Reads yield samples from labelled series (crop, yield in kg/mu, NDVI values) and measures a
 * yield model on them against the simple baseline it replaced: the crop's reference yield scaled
 * by peak NDVI over the crop's typical peak.
 */
public final class YieldEvaluation {
    /** Series from files have no dates; durations only need the step, so any start will do. */
    private static final LocalDate ARBITRARY_START = LocalDate.of(2000, 1, 1);

    private YieldEvaluation() {
    }

    /**
     * Samples from series whose labels name crops (RICE, Rice, rice or 稻谷: the code or either name in
     * {@code reference/crops.csv}) and whose targets are yields in kg per mu.
     */
    public static List<YieldModel.Sample> samples(LabelledSeries series, Phenology.Settings settings, ReferenceData reference) {
        if (series.targets().size() != series.size()) {
            throw new IllegalArgumentException("yield series need a yield (kg per mu) after each crop label");
        }
        Map<String, Crop> names = new HashMap<>();
        for (Crop crop : Crop.values()) {
            names.put(crop.name().toLowerCase(Locale.ROOT), crop);
            names.put(reference.crop(crop).nameEn().toLowerCase(Locale.ROOT), crop);
            names.put(reference.crop(crop).nameZh(), crop);
        }
        List<YieldModel.Sample> samples = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            String label = series.labels().get(i);
            Crop crop = names.get(label.strip().toLowerCase(Locale.ROOT));
            if (crop == null) {
                throw new IllegalArgumentException("series " + (i + 1) + ": '" + label + "' is not a crop; use one of "
                        + Arrays.toString(Crop.values()) + " or their names in reference/crops.csv");
            }
            samples.add(new YieldModel.Sample(crop, Phenology.ofGrid(series.values().get(i), ARBITRARY_START, settings),
                    series.targets().get(i)));
        }
        return samples;
    }

    /** The reference yield scaled by peak NDVI over the crop's typical peak, clamped to [floor, 1.1]. */
    public static double peakRatioBaseline(Crop crop, Phenology season, ReferenceData reference) {
        CropReference c = reference.crop(crop);
        double floor = reference.parameter("crop.ndvi.peakRatio.floor").value();
        return c.yieldKgPerMu() * Math.max(floor, Math.min(1.1, season.peakNdvi() / c.typicalPeakNdvi()));
    }

    /** Error measures of predictions against measured yields (kg per mu). */
    public record Errors(int n, @JsonProperty("rmseKgPerMu") @JsonSerialize(using = RoundedNumber.Three.class) double rmse,
                         @JsonProperty("maeKgPerMu") @JsonSerialize(using = RoundedNumber.Three.class) double mae,
                         @JsonSerialize(using = RoundedNumber.Four.class) double mape,
                         @JsonSerialize(using = RoundedNumber.Four.class) double r2) {
        static Errors of(double[] actual, double[] predicted) {
            int n = actual.length;
            double mean = 0;
            for (double a : actual) {
                mean += a / n;
            }
            double sse = 0;
            double sst = 0;
            double abs = 0;
            double pct = 0;
            int pctN = 0;
            for (int i = 0; i < n; i++) {
                double e = predicted[i] - actual[i];
                sse += e * e;
                sst += (actual[i] - mean) * (actual[i] - mean);
                abs += Math.abs(e);
                if (actual[i] > 0) {
                    pct += Math.abs(e) / actual[i];
                    pctN++;
                }
            }
            return new Errors(n, Math.sqrt(sse / n), abs / n, pctN == 0 ? Double.NaN : pct / pctN, sst == 0 ? Double.NaN : 1 - sse / sst);
        }
    }

    /** The model's and the baseline's errors on one crop. */
    public record Comparison(Errors model, Errors baseline) {
    }

    /** The model's and the baseline's errors, overall and per crop. */
    @JsonPropertyOrder({"model", "baseline", "byCrop"})
    public record Report(Errors model, Errors baseline, @JsonIgnore Map<Crop, Errors> modelByCrop,
                         @JsonIgnore Map<Crop, Errors> baselineByCrop) {
        /** Per crop, in crop order, the model beside the baseline. */
        @JsonProperty("byCrop")
        public Map<Crop, Comparison> byCrop() {
            Map<Crop, Comparison> byCrop = new TreeMap<>();
            modelByCrop.forEach((crop, errors) -> byCrop.put(crop, new Comparison(errors, baselineByCrop.get(crop))));
            return byCrop;
        }
    }

    public static Report evaluate(YieldModel model, List<YieldModel.Sample> samples, ReferenceData reference) {
        double[] predicted = model.predictKgPerMu(samples.stream().map(YieldModel.Sample::crop).toList(),
                samples.stream().map(YieldModel.Sample::phenology).toList(), reference);
        double[] actual = samples.stream().mapToDouble(YieldModel.Sample::yieldKgPerMu).toArray();
        double[] baseline = samples.stream().mapToDouble(s -> peakRatioBaseline(s.crop(), s.phenology(), reference)).toArray();
        Map<Crop, Errors> modelByCrop = new TreeMap<>();
        Map<Crop, Errors> baselineByCrop = new TreeMap<>();
        for (Crop crop : Crop.values()) {
            int[] rows = IntStream.range(0, samples.size()).filter(i -> samples.get(i).crop() == crop).toArray();
            if (rows.length > 0) {
                modelByCrop.put(crop, Errors.of(pick(actual, rows), pick(predicted, rows)));
                baselineByCrop.put(crop, Errors.of(pick(actual, rows), pick(baseline, rows)));
            }
        }
        return new Report(Errors.of(actual, predicted), Errors.of(actual, baseline), modelByCrop, baselineByCrop);
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
