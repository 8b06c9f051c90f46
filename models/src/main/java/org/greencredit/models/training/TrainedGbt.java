package org.greencredit.models.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.greencredit.datasets.csv.CsvReader;
import org.greencredit.datasets.csv.CsvWriter;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.tabular.TabularReader;
import org.greencredit.models.trees.BoosterTrees;
import org.tribuo.Model;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * A gradient-boosted model. Numeric features go in as numbers, a missing value as NaN (the trees
 * learned where missing values go); categories go in as their weight of evidence from the training
 * rows. {@link GbtTrainer} writes the booster with XGBoost's binary logistic objective as
 * {@value #BOOSTER}, which any XGBoost reads; a model of the first release (Tribuo's two-class
 * softmax over XGBoost, {@value #LEGACY_MODEL}) still loads and predicts as it did. Predict in
 * batches: one booster call per batch. Per-prediction contributions are the booster's own (TreeSHAP):
 * they add up to the log-odds.
 */
public final class TrainedGbt {
    public static final String BOOSTER = "booster.json";
    /** The first release's file: a Tribuo XGBoostModel with two classes. */
    public static final String LEGACY_MODEL = "gbt.model";
    public static final String ENCODING = "encoding.csv";
    static final String POSITIVE = "1";
    static final String NEGATIVE = "0";

    private final Properties properties;
    private final Booster booster;
    /** Feature name to, for a categorical feature, category to WoE (null key: missing; "" key: other). */
    private final Map<String, Map<String, Double>> categorical;
    private final List<String> numeric;
    /** The booster's column of each feature, in {@link #features()} order, and its number of columns. */
    private final int[] column;
    private final int columns;
    /** For a two-class softmax booster, the columns of the positive and negative class; -1 for a binary one. */
    private final int positiveClass;
    private final int negativeClass;
    /** The trees walked in Java for {@link #predictValues}, when read from a saved booster.json of a kind it walks; else null. */
    private final BoosterTrees trees;

    private TrainedGbt(Properties properties, Booster booster, List<String> numeric, Map<String, Map<String, Double>> categorical, int[] column,
                       int columns, int positiveClass, int negativeClass, BoosterTrees trees) {
        this.properties = properties;
        this.booster = booster;
        this.numeric = List.copyOf(numeric);
        this.categorical = categorical;
        this.column = column;
        this.columns = columns;
        this.positiveClass = positiveClass;
        this.negativeClass = negativeClass;
        this.trees = trees;
    }

    /** A binary-logistic booster whose columns are the features in order: numeric, then categorical. */
    static TrainedGbt binary(Properties properties, Booster booster, List<String> numeric, Map<String, Map<String, Double>> categorical,
                             BoosterTrees trees) {
        int n = numeric.size() + categorical.size();
        int[] column = new int[n];
        for (int i = 0; i < n; i++) {
            column[i] = i;
        }
        return new TrainedGbt(properties, booster, numeric, categorical, column, n, -1, -1, trees);
    }

    public String positive() {
        return properties.getProperty("positive");
    }

    public String version() {
        return properties.getProperty("version");
    }

    /** A setting recorded in model.properties (trainer, selection...), or null. */
    public String property(String key) {
        return properties.getProperty(key);
    }

    /** The settings the trainer tried, in order, each with its validation log loss and rounds; empty for a first-release model. */
    public List<String> trials() {
        List<String> trials = new ArrayList<>();
        for (int i = 1; properties.getProperty("trial." + i) != null; i++) {
            trials.add(properties.getProperty("trial." + i));
        }
        return trials;
    }

    /** The features read as numbers; the others are categories. */
    public List<String> numericFeatures() {
        return numeric;
    }

    public List<String> features() {
        List<String> all = new ArrayList<>(numeric);
        all.addAll(categorical.keySet());
        return all;
    }

    /** One row's inputs in {@link #features()} order: numbers as they are, categories as WoE, NaN for a missing number. */
    static float[] encode(Map<String, String> row, List<String> numeric, Map<String, Map<String, Double>> categorical) {
        float[] values = new float[numeric.size() + categorical.size()];
        int j = 0;
        for (String f : numeric) {
            String raw = row.get(f);
            Double v = raw == null || TabularReader.isMissing(raw) ? null : TabularReader.parseNumber(raw);
            values[j++] = v == null ? Float.NaN : v.floatValue();
        }
        for (Map.Entry<String, Map<String, Double>> e : categorical.entrySet()) {
            String raw = row.get(e.getKey());
            Map<String, Double> woe = e.getValue();
            double v = raw == null || TabularReader.isMissing(raw) ? woe.getOrDefault(null, 0.0)
                    : woe.getOrDefault(raw.trim(), woe.getOrDefault("", 0.0));
            values[j++] = (float) v;
        }
        return values;
    }

    /** The booster's input for many rows of raw values, row after row in its columns, missing values as NaN. */
    private float[] dense(List<Map<String, String>> rows) {
        float[] dense = new float[rows.size() * columns];
        Arrays.fill(dense, Float.NaN);
        for (int r = 0; r < rows.size(); r++) {
            float[] values = encode(rows.get(r), numeric, categorical);
            for (int j = 0; j < values.length; j++) {
                if (column[j] < columns) {
                    dense[r * columns + column[j]] = values[j];
                }
            }
        }
        return dense;
    }

    /** {@link #dense} as a native matrix; the caller disposes of it. */
    private DMatrix matrix(List<Map<String, String>> rows) throws XGBoostError {
        return new DMatrix(dense(rows), rows.size(), columns, Float.NaN);
    }

    /** Probabilities of the positive class for many rows at once. */
    public double[] predict(List<Map<String, String>> rows) {
        if (rows.isEmpty()) {
            return new double[0];
        }
        return predictDense(dense(rows), rows.size());
    }

    /** The booster's probabilities of the positive class for rows laid out as {@link #dense} lays them out. */
    private double[] predictDense(float[] dense, int rows) {
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(dense, rows, columns, Float.NaN);
            return positive(booster.predict(matrix));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    /**
     * Probabilities of the positive class for rows of numbers, as a rating computes its features (null or absent for
     * missing). A categorical feature, which such rows cannot hold, counts as missing. A model loaded from booster.json
     * walks its trees in Java (no native call, so one row costs microseconds); otherwise one booster call for all rows.
     */
    public double[] predictValues(List<Map<String, Double>> rows) {
        if (rows.isEmpty()) {
            return new double[0];
        }
        float[] dense = new float[rows.size() * columns];
        Arrays.fill(dense, Float.NaN);
        List<Map<String, Double>> categories = new ArrayList<>(categorical.values());
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Double> row = rows.get(r);
            for (int j = 0; j < column.length; j++) {
                if (column[j] >= columns) {
                    continue;
                }
                float value;
                if (j < numeric.size()) {
                    Double v = row.get(numeric.get(j));
                    value = v == null || v.isNaN() ? Float.NaN : v.floatValue();
                } else {
                    value = (float) categories.get(j - numeric.size()).getOrDefault(null, 0.0).doubleValue();
                }
                dense[r * columns + column[j]] = value;
            }
        }
        if (trees != null) {
            float[][] split = new float[rows.size()][];
            for (int r = 0; r < split.length; r++) {
                split[r] = Arrays.copyOfRange(dense, r * columns, (r + 1) * columns);
            }
            return trees.probabilities(split);
        }
        return predictDense(dense, rows.size());
    }

    private double[] positive(float[][] raw) {
        double[] p = new double[raw.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = raw[i][positiveClass < 0 ? 0 : positiveClass];
        }
        return p;
    }

    /**
     * Contribution of each feature to the log-odds of the positive class (TreeSHAP from the booster),
     * plus the entry {@code "(bias)"}; they add up to {@code ln(p / (1 - p))}.
     */
    public Map<String, Double> contributions(Map<String, String> row) {
        return contributions(List.of(row)).get(0);
    }

    /** As {@link #contributions(Map)} for many rows in one pass of the booster. */
    public List<Map<String, Double>> contributions(List<Map<String, String>> rows) {
        DMatrix matrix = null;
        try {
            matrix = matrix(rows);
            float[][] raw = booster.predictContrib(matrix, 0);
            List<String> features = features();
            int stride = columns + 1;
            List<Map<String, Double>> out = new ArrayList<>(rows.size());
            for (float[] row : raw) {
                Map<String, Double> c = new LinkedHashMap<>();
                for (int j = 0; j < features.size(); j++) {
                    c.put(features.get(j), margin(row, column[j], stride));
                }
                c.put("(bias)", margin(row, columns, stride));
                out.add(c);
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not explain the predictions: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    /** A column's share of the log-odds: the binary margin, or for two softmax classes the difference of their margins. */
    private double margin(float[] row, int column, int stride) {
        return positiveClass < 0 ? row[column] : (double) row[positiveClass * stride + column] - row[negativeClass * stride + column];
    }

    public void save(Path dir) {
        if (positiveClass >= 0) {
            throw new IllegalStateException("a model of the first release is read, never written again");
        }
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve(Scorecard.PROPERTIES), StandardCharsets.UTF_8)) {
                properties.store(out, "GreenCredit gradient-boosted model");
            }
            booster.saveModel(dir.resolve(BOOSTER).toString());
            try (CsvWriter csv = new CsvWriter(Files.newBufferedWriter(dir.resolve(ENCODING), StandardCharsets.UTF_8))) {
                csv.write(List.of("feature", "type", "category", "woe"));
                for (String f : numeric) {
                    csv.write(List.of(f, "numeric", "", ""));
                }
                for (Map.Entry<String, Map<String, Double>> e : categorical.entrySet()) {
                    for (Map.Entry<String, Double> c : e.getValue().entrySet()) {
                        csv.write(List.of(e.getKey(), "categorical", c.getKey() == null ? "(missing)" : c.getKey().isEmpty() ? "(other)" : c.getKey(),
                                Double.toString(c.getValue())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model to " + dir + ": " + e.getMessage(), e);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not save the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Loads a model that {@code model train --kind gbt} wrote to {@code dir}, its settings and encoding included. */
    public static TrainedGbt load(Path dir) {
        Properties properties = ModelTraining.properties(dir);
        if (!"gbt".equals(properties.getProperty("kind"))) {
            throw new IllegalArgumentException(dir + " holds a " + properties.getProperty("kind") + " model, not a gbt model");
        }
        return load(dir, properties);
    }

    /** Loads the booster and encoding of a model directory whose model.properties the caller has read already. */
    static TrainedGbt load(Path dir, Properties properties) {
        List<String> numeric = new ArrayList<>();
        Map<String, Map<String, Double>> categorical = new LinkedHashMap<>();
        try (Reader encoding = Files.newBufferedReader(dir.resolve(ENCODING), StandardCharsets.UTF_8);
             CsvReader csv = new CsvReader(encoding, ENCODING)) {
            csv.next();
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                if (r.get(1).equals("numeric")) {
                    numeric.add(r.get(0));
                } else {
                    String key = r.get(2).equals("(missing)") ? null : r.get(2).equals("(other)") ? "" : r.get(2);
                    categorical.computeIfAbsent(r.get(0), k -> new LinkedHashMap<>()).put(key, Double.valueOf(r.get(3)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model's encoding in " + dir + ": " + e.getMessage(), e);
        }
        Path booster = dir.resolve(BOOSTER);
        try {
            if (Files.exists(booster)) {
                return binary(properties, XGBoost.loadModel(booster.toString()), numeric, categorical, BoosterTrees.read(booster));
            }
            return legacy(dir.resolve(LEGACY_MODEL), properties, numeric, categorical);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not read the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A first-release model: Tribuo's XGBoostModel, whose feature and class ids say where each input and output sits. */
    @SuppressWarnings("unchecked")
    private static TrainedGbt legacy(Path file, Properties properties, List<String> numeric, Map<String, Map<String, Double>> categorical) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file.getParent() + " has neither " + BOOSTER + " nor " + LEGACY_MODEL);
        }
        try (InputStream in = Files.newInputStream(file)) {
            XGBoostModel<Label> model = (XGBoostModel<Label>) Model.deserializeFromStream(in);
            List<String> features = new ArrayList<>(numeric);
            features.addAll(categorical.keySet());
            int[] column = new int[features.size()];
            for (int j = 0; j < column.length; j++) {
                // A feature the training rows never had a value for is not in Tribuo's map: one column past the last, never read.
                VariableInfo info = model.getFeatureIDMap().get(features.get(j));
                column[j] = info == null ? model.getFeatureIDMap().size() : ((VariableIDInfo) info).getID();
            }
            return new TrainedGbt(properties, model.getInnerModels().get(0), numeric, categorical, column, model.getFeatureIDMap().size(),
                    model.getOutputIDInfo().getID(new Label(POSITIVE)), model.getOutputIDInfo().getID(new Label(NEGATIVE)), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model in " + file + ": " + e.getMessage(), e);
        }
    }
}
