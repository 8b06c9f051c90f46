package org.greencredit.models.crop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.greencredit.core.request.Crop;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.models.trees.TribuoTrees;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Expected yield from a plot's season. One shared Tribuo regression (XGBoost, pseudo-Huber loss
 * so that a few mislabelled plots do not pull it) learns yield as a ratio to the crop's reference
 * yield from phenology features that mean the same for every crop (peak NDVI is also taken
 * against the crop's typical peak); then each crop gets its own linear calibration of
 * that ratio (intercept and slope, fitted on a held-out quarter and shrunk towards no change), as
 * crops turn the same canopy into yield differently. Predictions are reference yield x calibrated
 * ratio, never below zero.
 */
public final class YieldModel {
    public static final String MODEL = "yield.model";
    public static final String PROPERTIES = "yield.properties";
    public static final String CALIBRATION = "calibration.csv";
    public static final List<String> FEATURES = List.of("peakNdvi", "peakToTypical", "amplitude", "base", "integral", "seasonLengthDays",
            "greenUpToPeakDays");
    static final int ROUNDS = 200;
    static final double ETA = 0.08;
    static final int MAX_DEPTH = 4;
    static final double MIN_CHILD_WEIGHT = 5;
    static final double SUBSAMPLE = 0.8;
    static final double CALIBRATION_SHARE = 0.25;
    /** Weight, in plots, of the prior "intercept 0, slope 1" in each crop's calibration. */
    static final double CALIBRATION_PRIOR = 10;

    private static final String[] NAMES = FEATURES.toArray(String[]::new);

    /** ratio = intercept + slope x shared prediction, for one crop. */
    public record Calibration(double intercept, double slope, int n) {
        static final Calibration NONE = new Calibration(0, 1, 0);

        double apply(double ratio) {
            return intercept + slope * ratio;
        }
    }

    /** One plot to learn from: its crop, its season and its measured yield. */
    public record Sample(Crop crop, Phenology phenology, double yieldKgPerMu) {
    }

    private final Model<Regressor> model;
    /** The model's trees walked in Java, or null when it is not one booster of trees (then Tribuo predicts). */
    private final TribuoTrees trees;
    private final Map<Crop, Calibration> calibration;
    private final Properties properties;

    private YieldModel(Model<Regressor> model, Map<Crop, Calibration> calibration, Properties properties) {
        this.model = model;
        this.trees = TribuoTrees.of(model);
        this.calibration = calibration;
        this.properties = properties;
    }

    public String version() {
        return properties.getProperty("version", "unversioned");
    }

    public Map<Crop, Calibration> calibration() {
        return Collections.unmodifiableMap(calibration);
    }

    /** Crop-neutral measures of the season, plus peak NDVI against the crop's typical peak (reference/crops.csv). */
    static double[] features(Crop crop, Phenology p, ReferenceData reference) {
        return new double[] {p.peakNdvi(), p.peakNdvi() / reference.crop(crop).typicalPeakNdvi(), p.amplitude(), p.base(), p.integral(),
                p.seasonLengthDays(), p.greenUpToPeakDays()};
    }

    public static YieldModel train(List<Sample> samples, ReferenceData reference, long seed, String version) {
        if (samples.size() < 20) {
            throw new IllegalArgumentException("a yield model needs at least 20 plots, got " + samples.size());
        }
        for (int i = 0; i < samples.size(); i++) {
            if (!(samples.get(i).yieldKgPerMu() >= 0) || !Double.isFinite(samples.get(i).yieldKgPerMu())) {
                throw new IllegalArgumentException("plot " + (i + 1) + ": yield must be a finite number >= 0, got " + samples.get(i).yieldKgPerMu());
            }
        }
        List<Sample> shuffled = new ArrayList<>(samples);
        Collections.shuffle(shuffled, new Random(seed));
        int held = (int) Math.round(shuffled.size() * CALIBRATION_SHARE);
        List<Sample> fit = shuffled.subList(held, shuffled.size());
        List<Sample> calibrate = shuffled.subList(0, held);

        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("plot seasons with yields", factory), factory);
        for (Sample s : fit) {
            dataset.add(new ArrayExample<>(new Regressor("yieldRatio", ratio(s, reference)), NAMES, features(s.crop(), s.phenology(), reference)));
        }
        XGBoostRegressionTrainer trainer = new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.PSEUDOHUBER, ROUNDS, ETA,
                0.0, MAX_DEPTH, MIN_CHILD_WEIGHT, SUBSAMPLE, 1.0, 1.0, 0.0, Math.max(1, Runtime.getRuntime().availableProcessors()), true, seed);
        Model<Regressor> model = trainer.train(dataset);

        Map<Crop, List<double[]>> byCrop = new EnumMap<>(Crop.class);
        List<Prediction<Regressor>> predictions = model.predict(examples(calibrate.stream().map(Sample::crop).toList(),
                calibrate.stream().map(Sample::phenology).toList(), reference));
        for (int i = 0; i < calibrate.size(); i++) {
            byCrop.computeIfAbsent(calibrate.get(i).crop(), c -> new ArrayList<>())
                    .add(new double[] {predictions.get(i).getOutput().getValues()[0], ratio(calibrate.get(i), reference)});
        }
        Map<Crop, Calibration> calibration = new EnumMap<>(Crop.class);
        byCrop.forEach((crop, pairs) -> calibration.put(crop, shrunkLeastSquares(pairs)));

        Properties p = new Properties();
        p.setProperty("kind", "yield-regression");
        p.setProperty("version", version);
        p.setProperty("features", String.join(",", FEATURES));
        p.setProperty("target", "yield / reference yield of the crop (reference/crops.csv)");
        p.setProperty("referenceData", reference.version());
        p.setProperty("trainer", "Tribuo XGBoostRegressionTrainer(pseudo-Huber, " + ROUNDS + " rounds, eta " + ETA + ", depth " + MAX_DEPTH
                + ", min child weight " + MIN_CHILD_WEIGHT + ", subsample " + SUBSAMPLE + ")");
        p.setProperty("plots.fit", Integer.toString(fit.size()));
        p.setProperty("plots.calibration", Integer.toString(calibrate.size()));
        p.setProperty("seed", Long.toString(seed));
        return new YieldModel(model, calibration, p);
    }

    private static double ratio(Sample s, ReferenceData reference) {
        return s.yieldKgPerMu() / reference.crop(s.crop()).yieldKgPerMu();
    }

    /**
     * Least squares of y = a + b x with {@value #CALIBRATION_PRIOR} pseudo-plots pulling (a, b) towards (0, 1):
     * minimise sum (y - a - b x)^2 + w (a^2 + (b - 1)^2).
     */
    static Calibration shrunkLeastSquares(List<double[]> pairs) {
        double w = CALIBRATION_PRIOR;
        double n = pairs.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : pairs) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        // Normal equations: (n + w) a + sx b = sy ;  sx a + (sxx + w) b = sxy + w
        double a11 = n + w;
        double a12 = sx;
        double a22 = sxx + w;
        double det = a11 * a22 - a12 * a12;
        double a = (sy * a22 - a12 * (sxy + w)) / det;
        double b = (a11 * (sxy + w) - a12 * sy) / det;
        return new Calibration(a, b, pairs.size());
    }

    private static List<Example<Regressor>> examples(List<Crop> crops, List<Phenology> seasons, ReferenceData reference) {
        List<Example<Regressor>> examples = new ArrayList<>(seasons.size());
        for (int i = 0; i < seasons.size(); i++) {
            examples.add(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, NAMES, features(crops.get(i), seasons.get(i), reference)));
        }
        return examples;
    }

    /** Expected yield in kg per mu of each (crop, season) pair; one call for many plots is much faster than many calls. */
    public double[] predictKgPerMu(List<Crop> crops, List<Phenology> seasons, ReferenceData reference) {
        if (crops.size() != seasons.size()) {
            throw new IllegalArgumentException(crops.size() + " crops for " + seasons.size() + " seasons");
        }
        double[] out = new double[crops.size()];
        if (crops.isEmpty()) {
            return out;
        }
        List<Example<Regressor>> examples = examples(crops, seasons, reference);
        // A farm's few plots come one call at a time, and one native matrix per call cost more than walking the trees.
        double[] shared = trees == null ? model.predict(examples).stream().mapToDouble(p -> p.getOutput().getValues()[0]).toArray()
                : trees.values(examples);
        for (int i = 0; i < out.length; i++) {
            double ratio = calibration.getOrDefault(crops.get(i), Calibration.NONE).apply(shared[i]);
            out[i] = Math.max(0, ratio) * reference.crop(crops.get(i)).yieldKgPerMu();
        }
        return out;
    }

    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(dir.resolve(MODEL))) {
                model.serializeToStream(out);
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                properties.store(w, "GreenCredit yield model");
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve(CALIBRATION), StandardCharsets.UTF_8)) {
                w.write("crop,intercept,slope,plots\n");
                for (Map.Entry<Crop, Calibration> e : calibration.entrySet()) {
                    Calibration c = e.getValue();
                    w.write(String.format(Locale.ROOT, "%s,%.17g,%.17g,%d%n", e.getKey(), c.intercept(), c.slope(), c.n()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the yield model to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static YieldModel load(Path dir) {
        if (!Files.exists(dir.resolve(PROPERTIES))) {
            throw new IllegalArgumentException(dir + " is not a yield model directory: " + PROPERTIES + " is missing");
        }
        try (InputStream props = Files.newInputStream(dir.resolve(PROPERTIES));
             InputStream model = Files.newInputStream(dir.resolve(MODEL));
             InputStream calibration = Files.newInputStream(dir.resolve(CALIBRATION))) {
            return read(props, model, calibration, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the yield model in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A yield model shipped under {@code /models/crop/NAME/} on the classpath. */
    public static YieldModel shipped(String name) {
        String dir = "/models/crop/" + name + "/";
        try (InputStream props = YieldModel.class.getResourceAsStream(dir + PROPERTIES);
             InputStream model = YieldModel.class.getResourceAsStream(dir + MODEL);
             InputStream calibration = YieldModel.class.getResourceAsStream(dir + CALIBRATION)) {
            if (props == null || model == null || calibration == null) {
                throw new IllegalStateException("yield model " + dir + " is missing from the classpath");
            }
            return read(props, model, calibration, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read yield model " + dir + ": " + e.getMessage(), e);
        }
    }

    private static YieldModel read(InputStream props, InputStream model, InputStream calibration, String where) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(props, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        if (!"yield-regression".equals(p.getProperty("kind"))) {
            throw new IllegalArgumentException(where + " holds a '" + p.getProperty("kind") + "' model, not a yield model");
        }
        Map<Crop, Calibration> table = new EnumMap<>(Crop.class);
        BufferedReader in = new BufferedReader(new InputStreamReader(calibration, StandardCharsets.UTF_8));
        in.readLine();
        String line;
        int number = 1;
        while ((line = in.readLine()) != null) {
            number++;
            String[] f = line.split(",");
            if (f.length != 4) {
                throw new IllegalArgumentException(where + CALIBRATION + ": line " + number + ": expected crop,intercept,slope,plots");
            }
            table.put(Crop.valueOf(f[0]), new Calibration(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Integer.parseInt(f[3])));
        }
        return new YieldModel(Model.deserializeFromStream(model).castModel(Regressor.class), table, p);
    }
}
