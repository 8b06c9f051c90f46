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
import org.greencredit.models.trees.TribuoTrees;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Classifies series (crop type from an NDVI curve), probabilities included. {@link #train} tries two learners on the
 * series it is given and keeps the one with the lower log loss on a stratified fifth held out from them: gradient-boosted
 * trees (Tribuo over XGBoost) on {@link SeriesFeatures} (values, slopes, phenology), and a multinomial logistic regression
 * (Tribuo, AdaGrad) on {@link MiniRocket} random-kernel features; the winner is then trained on every series. What was
 * tried and why the winner won is recorded in the model's properties. Probabilities are the model's softmax at a fitted
 * temperature ({@link #calibrated}). Models of earlier releases (trees on phenology features) load as they were.
 * Predict in batches.
 */
public final class SeriesClassifier {
    public static final String MODEL = "series.model";
    public static final String PROPERTIES = "series.properties";
    /** The fitted MiniRocket transform beside a model that uses it. */
    public static final String ROCKET = "minirocket.txt";
    private static final String FEATURES_PHENOLOGY = "phenology";
    private static final String FEATURES_ROCKET = "minirocket";
    static final int ROUNDS = 150;
    static final double ETA = 0.15;
    static final int MAX_DEPTH = 5;
    static final double SUBSAMPLE = 0.8;
    static final double COLUMN_SUBSAMPLE = 0.5;
    /** MiniRocket's biases per kernel and dilation: 84 kernels x 3 dilations x 8 = 2,016 features for a year of 10-day readings. */
    static final int ROCKET_BIASES = 8;
    /** L2-regularised logistic regression (liblinear): the costs tried, the one with the lowest held-out log loss kept. */
    static final double[] LOGISTIC_COSTS = {0.1, 1};
    static final int LOGISTIC_MAX_ITERATIONS = 1000;
    static final double LOGISTIC_TOLERANCE = 0.01;
    /** The share of the training series held out to choose the learner. */
    static final int VALIDATION_EVERY = 5;

    /** The two learners {@link #train} chooses between. */
    public enum Learner {
        PHENOLOGY_TREES("phenology features + XGBoost (" + ROUNDS + " rounds, eta " + ETA + ", depth " + MAX_DEPTH + ")"),
        MINIROCKET_LOGISTIC("MiniRocket features (" + ROCKET_BIASES + " biases per kernel and dilation, standardised) + L2-regularised"
                + " logistic regression (liblinear, one against the rest, cost chosen on a held-out fifth)");

        final String description;

        Learner(String description) {
            this.description = description;
        }
    }

    private final Model<Label> model;
    /** The model's trees walked in Java, or null when it is not one booster of trees (then Tribuo predicts). */
    private final TribuoTrees trees;
    private final int length;
    /** The random-kernel transform the model reads, or null for the phenology features. */
    private final MiniRocket rocket;
    private final String[] names;
    private final String version;
    /** Temperature of the softmax, fitted on held-out series so that probabilities mean what they say; 1 = as trained. */
    private final double temperature;
    /** What training tried and chose, for the model's properties; empty for a loaded model. */
    private final Properties provenance;

    private SeriesClassifier(Model<Label> model, int length, MiniRocket rocket, String version, double temperature, Properties provenance) {
        this.model = model;
        this.trees = TribuoTrees.of(model);
        this.length = length;
        this.rocket = rocket;
        this.names = featureNames(length, rocket);
        this.version = version;
        this.temperature = temperature;
        this.provenance = provenance;
    }

    private static String[] featureNames(int length, MiniRocket rocket) {
        if (rocket == null) {
            return SeriesFeatures.names(length).toArray(String[]::new);
        }
        String[] names = new String[rocket.features()];
        for (int i = 0; i < names.length; i++) {
            names[i] = String.format("r%05d", i);
        }
        return names;
    }

    private double[] featuresOf(double[] series) {
        return rocket == null ? SeriesFeatures.of(series) : rocket.transform(series);
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
        return new SeriesClassifier(model, length, rocket, version, Math.exp((lo + hi) / 2), provenance);
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

    /**
     * Trains both learners on four fifths of the series (stratified by label, seeded), keeps the one with the lower log
     * loss on the fifth held out (accuracy breaks no ties: probabilities are what the engine acts on), and trains it again
     * on every series.
     */
    public static SeriesClassifier train(LabelledSeries data, long seed) {
        if (new TreeSet<>(data.labels()).size() < 2) {
            throw new IllegalArgumentException("the series have a single class " + data.labels().get(0) + "; a classifier needs two or more");
        }
        long smallestClass = data.labels().stream().collect(java.util.stream.Collectors.groupingBy(l -> l, java.util.stream.Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).min().orElse(0);
        if (smallestClass < 2L * VALIDATION_EVERY) {
            Properties provenance = new Properties();
            provenance.setProperty("selection", "no choice: a class has " + smallestClass + " series, too few to hold a fifth out ("
                    + 2 * VALIDATION_EVERY + " needed); " + Learner.PHENOLOGY_TREES.description);
            return train(data, Learner.PHENOLOGY_TREES, seed, provenance);
        }
        boolean[] held = heldOut(data.labels(), seed);
        LabelledSeries fit = subset(data, held, false);
        LabelledSeries validation = subset(data, held, true);
        Properties provenance = new Properties();
        Learner best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int tried = 0;
        for (Learner learner : Learner.values()) {
            SeriesClassifier candidate = train(fit, learner, seed, new Properties());
            List<Map<String, Double>> p = candidate.predictRaw(validation.values());
            double loss = logLoss(p, validation.labels(), 1.0);
            long right = java.util.stream.IntStream.range(0, p.size()).filter(i -> argmax(p.get(i)).equals(validation.labels().get(i))).count();
            provenance.setProperty("candidate." + (++tried), String.format(java.util.Locale.ROOT,
                    "%s: validation log loss %.4f, accuracy %.4f on %d held-out series", learner.description, loss, right / (double) p.size(), p.size()));
            if (loss < bestLoss) {
                bestLoss = loss;
                best = learner;
            }
        }
        provenance.setProperty("selection", "lowest validation log loss on a stratified fifth of " + data.size()
                + " series, then trained again on all of them: " + best.description);
        return train(data, best, seed, provenance);
    }

    /** Trains one learner on every series, without the choice: to compare learners on a test set of one's own. */
    public static SeriesClassifier train(LabelledSeries data, Learner learner, long seed) {
        if (new TreeSet<>(data.labels()).size() < 2) {
            throw new IllegalArgumentException("the series have a single class " + data.labels().get(0) + "; a classifier needs two or more");
        }
        Properties provenance = new Properties();
        provenance.setProperty("selection", "chosen by the user: " + learner.description);
        return train(data, learner, seed, provenance);
    }

    private static SeriesClassifier train(LabelledSeries data, Learner learner, long seed, Properties provenance) {
        MiniRocket rocket = learner == Learner.MINIROCKET_LOGISTIC ? MiniRocket.fit(data.values(), ROCKET_BIASES, seed) : null;
        String[] names = featureNames(data.length(), rocket);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("labelled series", factory), factory);
        for (int i = 0; i < data.size(); i++) {
            double[] v = data.values().get(i);
            dataset.add(new ArrayExample<>(new Label(data.labels().get(i)), names, rocket == null ? SeriesFeatures.of(v) : rocket.transform(v)));
        }
        provenance.setProperty("learner", learner.description);
        if (learner == Learner.PHENOLOGY_TREES) {
            Trainer<Label> trees = new XGBoostClassificationTrainer(ROUNDS, ETA, 0.0, MAX_DEPTH, 1.0, SUBSAMPLE, COLUMN_SUBSAMPLE, 1.0, 0.0,
                    Math.max(1, Runtime.getRuntime().availableProcessors()), true, seed);
            return new SeriesClassifier(trees.train(dataset), data.length(), null, "unsaved", 1.0, provenance);
        }
        double cost = logisticCost(data, rocket, names, seed, provenance);
        return new SeriesClassifier(logistic(cost).train(dataset), data.length(), rocket, "unsaved", 1.0, provenance);
    }

    private static Trainer<Label> logistic(double cost) {
        return new LibLinearClassificationTrainer(new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost,
                LOGISTIC_MAX_ITERATIONS, LOGISTIC_TOLERANCE);
    }

    /** The cost of {@link #LOGISTIC_COSTS} with the lowest log loss on a stratified fifth of {@code data}, the rest training. */
    private static double logisticCost(LabelledSeries data, MiniRocket rocket, String[] names, long seed, Properties provenance) {
        boolean[] held = heldOut(data.labels(), seed + 1);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> fit = new MutableDataset<>(new SimpleDataSourceProvenance("labelled series", factory), factory);
        List<double[]> validation = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (held[i]) {
                validation.add(data.values().get(i));
                truth.add(data.labels().get(i));
            } else {
                fit.add(new ArrayExample<>(new Label(data.labels().get(i)), names, rocket.transform(data.values().get(i))));
            }
        }
        double best = LOGISTIC_COSTS[0];
        double bestLoss = Double.POSITIVE_INFINITY;
        List<String> tried = new ArrayList<>();
        for (double cost : LOGISTIC_COSTS) {
            SeriesClassifier candidate = new SeriesClassifier(logistic(cost).train(fit), data.length(), rocket, "unsaved", 1.0, new Properties());
            double loss = logLoss(candidate.predictRaw(validation), truth, 1.0);
            tried.add(String.format(java.util.Locale.ROOT, "cost %s: log loss %.4f", cost, loss));
            if (loss < bestLoss) {
                bestLoss = loss;
                best = cost;
            }
        }
        provenance.setProperty("logistic.costs", String.join("; ", tried) + "; kept " + best);
        return best;
    }

    /** Every {@value #VALIDATION_EVERY}th series of each label, after a seeded shuffle within the label. */
    private static boolean[] heldOut(List<String> labels, long seed) {
        Map<String, List<Integer>> byLabel = new java.util.TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byLabel.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(i);
        }
        boolean[] held = new boolean[labels.size()];
        java.util.Random random = new java.util.Random(seed);
        for (List<Integer> members : byLabel.values()) {
            java.util.Collections.shuffle(members, random);
            for (int j = 0; j < members.size(); j += VALIDATION_EVERY) {
                held[members.get(j)] = true;
            }
        }
        return held;
    }

    private static LabelledSeries subset(LabelledSeries data, boolean[] held, boolean keep) {
        List<String> labels = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < held.length; i++) {
            if (held[i] == keep) {
                labels.add(data.labels().get(i));
                values.add(data.values().get(i));
            }
        }
        return new LabelledSeries(labels, values, data.length());
    }

    private static String argmax(Map<String, Double> p) {
        return p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The learner that made this model, as its properties name it. */
    public String learner() {
        return provenance.getProperty("learner", Learner.PHENOLOGY_TREES.description);
    }

    /** For each series, the predicted label and the probability of every label. */
    public record Result(String label, Map<String, Double> probabilities) {
    }

    public List<Result> predict(List<double[]> series) {
        List<Result> out = new ArrayList<>(series.size());
        for (Map<String, Double> raw : predictRaw(series)) {
            Map<String, Double> probabilities = tempered(raw, temperature);
            out.add(new Result(argmax(probabilities), probabilities));
        }
        return out;
    }

    /** The booster's own softmax probabilities, before temperature. */
    public List<Map<String, Double>> predictRaw(List<double[]> series) {
        List<Example<Label>> examples = new ArrayList<>(series.size());
        for (double[] s : series) {
            double[] v = s.length == length ? s : SeriesReader.resample(s, length);
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, featuresOf(v)));
        }
        if (trees != null) {
            // One native matrix per call cost more than walking the trees: a farm's few plots come one call at a time.
            return trees.classProbabilities(examples);
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
            provenance.forEach((k, v) -> p.setProperty((String) k, (String) v));
            p.setProperty("kind", "series-classifier");
            p.setProperty("length", Integer.toString(length));
            p.setProperty("temperature", Double.toString(temperature));
            p.setProperty("features", rocket == null ? FEATURES_PHENOLOGY : FEATURES_ROCKET);
            if (rocket != null) {
                Files.write(dir.resolve(ROCKET), rocket.toLines(), StandardCharsets.UTF_8);
            }
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
            return read(p, model, () -> resourceLines(dir + ROCKET), name);
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
            return read(p, model, () -> Files.readAllLines(dir.resolve(ROCKET), StandardCharsets.UTF_8), String.valueOf(dir.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    private interface Lines {
        List<String> read() throws IOException;
    }

    private static List<String> resourceLines(String resource) throws IOException {
        try (InputStream in = SeriesClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /**
     * A classifier from its properties (length; temperature, 1 when absent; features, phenology when absent: models of
     * earlier releases have neither) and model file, with its MiniRocket transform when it reads one.
     */
    private static SeriesClassifier read(Properties p, InputStream model, Lines rocketLines, String version) throws IOException {
        MiniRocket rocket = FEATURES_ROCKET.equals(p.getProperty("features")) ? MiniRocket.fromLines(rocketLines.read(), version + "/" + ROCKET) : null;
        Properties provenance = new Properties();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("candidate.") || key.startsWith("logistic.") || key.equals("selection") || key.equals("learner")) {
                provenance.setProperty(key, p.getProperty(key));
            }
        }
        return new SeriesClassifier(Model.deserializeFromStream(model).castModel(Label.class), Integer.parseInt(p.getProperty("length")), rocket,
                version, Double.parseDouble(p.getProperty("temperature", "1.0")), provenance);
    }
}
