package org.greencredit.models.series;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Classifies series (crop type from an NDVI curve) with gradient-boosted trees (Tribuo over
 * XGBoost) on {@link SeriesFeatures}. Probabilities are the booster's softmax at a fitted
 * temperature ({@link #calibrated}). Predict in batches.
 */
public final class SeriesClassifier {
    public static final String MODEL = "series.model";
    public static final String PROPERTIES = "series.properties";
    static final int ROUNDS = 150;
    static final double ETA = 0.15;
    static final int MAX_DEPTH = 5;
    static final double SUBSAMPLE = 0.8;
    static final double COLUMN_SUBSAMPLE = 0.5;

    private final Model<Label> model;
    private final int length;
    private final String[] names;
    private final String version;
    /** Temperature of the softmax, fitted on held-out series so that probabilities mean what they say; 1 = as trained. */
    private final double temperature;

    private SeriesClassifier(Model<Label> model, int length, String version, double temperature) {
        this.model = model;
        this.length = length;
        this.names = SeriesFeatures.names(length).toArray(String[]::new);
        this.version = version;
        this.temperature = temperature;
    }

    public double temperature() {
        return temperature;
    }

    /**
     * This classifier with its softmax temperature fitted to labelled series by maximum likelihood
     * (temperature scaling, Guo et al. 2017): the predicted class never changes, only how sure it is.
     */
    public SeriesClassifier calibrated(LabelledSeries data) {
        List<Map<String, Double>> raw = predictRaw(data.values());
        double lo = Math.log(0.2);
        double hi = Math.log(10);
        // Golden-section search on log T: the negative log-likelihood is smooth and has one minimum there.
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 60; i++) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (logLoss(raw, data.labels(), Math.exp(a)) <= logLoss(raw, data.labels(), Math.exp(b))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return new SeriesClassifier(model, length, version, Math.exp((lo + hi) / 2));
    }

    /** Mean negative log-probability of the true label at a temperature; unknown labels count as probability 1e-15. */
    public static double logLoss(List<Map<String, Double>> probabilities, List<String> truth, double temperature) {
        double sum = 0;
        for (int i = 0; i < truth.size(); i++) {
            sum -= Math.log(Math.max(1e-15, tempered(probabilities.get(i), temperature).getOrDefault(truth.get(i), 0.0)));
        }
        return sum / truth.size();
    }

    /** softmax(z / T) from p = softmax(z): p^(1/T), renormalised. */
    static Map<String, Double> tempered(Map<String, Double> p, double temperature) {
        if (temperature == 1.0) {
            return p;
        }
        Map<String, Double> out = new java.util.TreeMap<>();
        double total = 0;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            double v = Math.pow(Math.max(e.getValue(), 0), 1 / temperature);
            out.put(e.getKey(), v);
            total += v;
        }
        for (Map.Entry<String, Double> e : out.entrySet()) {
            e.setValue(e.getValue() / total);
        }
        return out;
    }

    /** The shipped model's name, the directory name of a loaded one, or "unsaved". */
    public String version() {
        return version;
    }

    public int length() {
        return length;
    }

    public static SeriesClassifier train(LabelledSeries data, long seed) {
        if (new TreeSet<>(data.labels()).size() < 2) {
            throw new IllegalArgumentException("the series have a single class " + data.labels().get(0) + "; a classifier needs two or more");
        }
        String[] names = SeriesFeatures.names(data.length()).toArray(String[]::new);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("labelled series", factory), factory);
        for (int i = 0; i < data.size(); i++) {
            dataset.add(new ArrayExample<>(new Label(data.labels().get(i)), names, SeriesFeatures.of(data.values().get(i))));
        }
        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(ROUNDS, ETA, 0.0, MAX_DEPTH, 1.0, SUBSAMPLE,
                COLUMN_SUBSAMPLE, 1.0, 0.0, Math.max(1, Runtime.getRuntime().availableProcessors()), true, seed);
        return new SeriesClassifier(trainer.train(dataset), data.length(), "unsaved", 1.0);
    }

    /** For each series, the predicted label and the probability of every label. */
    public record Result(String label, Map<String, Double> probabilities) {
    }

    public List<Result> predict(List<double[]> series) {
        List<Result> out = new ArrayList<>(series.size());
        for (Map<String, Double> raw : predictRaw(series)) {
            Map<String, Double> probabilities = tempered(raw, temperature);
            String label = probabilities.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            out.add(new Result(label, probabilities));
        }
        return out;
    }

    /** The booster's own softmax probabilities, before temperature. */
    public List<Map<String, Double>> predictRaw(List<double[]> series) {
        List<Example<Label>> examples = new ArrayList<>(series.size());
        for (double[] s : series) {
            double[] v = s.length == length ? s : SeriesReader.resample(s, length);
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, SeriesFeatures.of(v)));
        }
        List<Map<String, Double>> out = new ArrayList<>(series.size());
        for (Prediction<Label> p : model.predict(examples)) {
            Map<String, Double> probabilities = new java.util.TreeMap<>();
            p.getOutputScores().forEach((label, score) -> probabilities.put(label, score.getScore()));
            out.add(probabilities);
        }
        return out;
    }

    /** Writes the temperature into the model directory's properties, leaving the model file as it is. */
    public void saveTemperature(Path dir) {
        Properties p = new Properties();
        try {
            try (Reader in = Files.newBufferedReader(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            p.setProperty("temperature", Double.toString(temperature));
            try (Writer w = Files.newBufferedWriter(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                p.store(w, "GreenCredit series classifier");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + dir.resolve(PROPERTIES) + ": " + e.getMessage(), e);
        }
    }

    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(dir.resolve(MODEL))) {
                model.serializeToStream(out);
            }
            Properties p = new Properties();
            p.setProperty("kind", "series-classifier");
            p.setProperty("length", Integer.toString(length));
            p.setProperty("temperature", Double.toString(temperature));
            p.setProperty("trainer", "Tribuo XGBoostClassificationTrainer(" + ROUNDS + " rounds, eta " + ETA + ", depth " + MAX_DEPTH
                    + ", subsample " + SUBSAMPLE + ", column subsample " + COLUMN_SUBSAMPLE + ") on values, smoothed slopes and phenology");
            try (Writer w = Files.newBufferedWriter(dir.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                p.store(w, "GreenCredit series classifier");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A classifier shipped under {@code /models/crop/NAME/} on the classpath. */
    public static SeriesClassifier shipped(String name) {
        String dir = "/models/crop/" + name + "/";
        Properties p = new Properties();
        try (InputStream props = SeriesClassifier.class.getResourceAsStream(dir + PROPERTIES);
             InputStream model = SeriesClassifier.class.getResourceAsStream(dir + MODEL)) {
            if (props == null || model == null) {
                throw new IllegalStateException("crop model " + dir + " is missing from the classpath");
            }
            p.load(props);
            return read(p, model, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read crop model " + dir + ": " + e.getMessage(), e);
        }
    }

    public static SeriesClassifier load(Path dir) {
        if (!Files.exists(dir.resolve(PROPERTIES))) {
            throw new IllegalArgumentException(dir + " is not a series model directory: " + PROPERTIES + " is missing");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(PROPERTIES), StandardCharsets.UTF_8);
             InputStream model = Files.newInputStream(dir.resolve(MODEL))) {
            p.load(in);
            return read(p, model, String.valueOf(dir.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A classifier from its properties (length, temperature; 1 when absent, as older models have none) and model file. */
    private static SeriesClassifier read(Properties p, InputStream model, String version) throws IOException {
        return new SeriesClassifier(Model.deserializeFromStream(model).castModel(Label.class), Integer.parseInt(p.getProperty("length")),
                version, Double.parseDouble(p.getProperty("temperature", "1.0")));
    }
}
