package org.greencredit.models.crop;

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
import org.greencredit.datasets.reference.CropReference;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.models.series.LabelledSeries;

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
    public record Errors(int n, double rmse, double mae, double mape, double r2) {
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

        String json() {
            return String.format(Locale.ROOT, "{\"n\":%d,\"rmseKgPerMu\":%.3f,\"maeKgPerMu\":%.3f,\"mape\":%.4f,\"r2\":%.4f}", n, rmse, mae, mape, r2);
        }
    }

    /** The model's and the baseline's errors, overall and per crop. */
    public record Report(Errors model, Errors baseline, Map<Crop, Errors> modelByCrop, Map<Crop, Errors> baselineByCrop) {
        public String toJson() {
            StringBuilder json = new StringBuilder("{\"model\":").append(model.json()).append(",\"baseline\":").append(baseline.json())
                    .append(",\"byCrop\":{");
            boolean first = true;
            for (Map.Entry<Crop, Errors> e : modelByCrop.entrySet()) {
                json.append(first ? "" : ",").append('"').append(e.getKey()).append("\":{\"model\":").append(e.getValue().json())
                        .append(",\"baseline\":").append(baselineByCrop.get(e.getKey()).json()).append('}');
                first = false;
            }
            return json.append("}}").toString();
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
