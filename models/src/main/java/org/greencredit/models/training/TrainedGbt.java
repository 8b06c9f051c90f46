package org.greencredit.models.training;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.greencredit.datasets.csv.CsvReader;
import org.greencredit.datasets.csv.CsvWriter;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.tabular.TabularReader;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;

/**
 * A gradient-boosted challenger (Tribuo over XGBoost). Numeric features go in as numbers, a missing
 * value as absent (XGBoost learns where missing values go); categories go in as their weight of
 * evidence from the training rows. Predict in batches: one-at-a-time XGBoost prediction is slow.
 * Per-prediction contributions are the booster's own (TreeSHAP): they add up to the log-odds.
 */
public final class TrainedGbt {
    public static final String MODEL = "gbt.model";
    public static final String ENCODING = "encoding.csv";
    static final String POSITIVE = "1";
    static final String NEGATIVE = "0";

    private final Properties properties;
    private final XGBoostModel<Label> model;
    /** Feature name to, for a categorical feature, category to WoE (null key: missing; "" key: other). */
    private final Map<String, Map<String, Double>> categorical;
    private final List<String> numeric;

    TrainedGbt(Properties properties, XGBoostModel<Label> model, List<String> numeric, Map<String, Map<String, Double>> categorical) {
        this.properties = properties;
        this.model = model;
        this.numeric = List.copyOf(numeric);
        this.categorical = categorical;
    }

    public String positive() {
        return properties.getProperty("positive");
    }

    public String version() {
        return properties.getProperty("version");
    }

    public List<String> features() {
        List<String> all = new ArrayList<>(numeric);
        all.addAll(categorical.keySet());
        return all;
    }

    /** The model's input for one row given as feature name to raw value. */
    Example<Label> example(Map<String, String> row, Label label) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String f : numeric) {
            String raw = row.get(f);
            Double v = raw == null || TabularReader.isMissing(raw) ? null : TabularReader.parseNumber(raw);
            if (v != null) {
                names.add(f);
                values.add(v);
            }
        }
        for (Map.Entry<String, Map<String, Double>> e : categorical.entrySet()) {
            String raw = row.get(e.getKey());
            Map<String, Double> woe = e.getValue();
            double v = raw == null || TabularReader.isMissing(raw) ? woe.getOrDefault(null, 0.0)
                    : woe.getOrDefault(raw.trim(), woe.getOrDefault("", 0.0));
            names.add(e.getKey());
            values.add(v);
        }
        return new ArrayExample<>(label, names.toArray(String[]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Probabilities of the positive class for many rows at once. */
    public double[] predict(List<Map<String, String>> rows) {
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            examples.add(example(row, LabelUnknown.LABEL));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] p = new double[rows.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = predictions.get(i).getOutputScores().get(POSITIVE).getScore();
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
        int features = model.getFeatureIDMap().size();
        float[] dense = new float[rows.size() * features];
        java.util.Arrays.fill(dense, Float.NaN);
        for (int r = 0; r < rows.size(); r++) {
            int base = r * features;
            example(rows.get(r), LabelUnknown.LABEL).forEach(f -> dense[base + model.getFeatureIDMap().getID(f.getName())] = (float) f.getValue());
        }
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(dense, rows.size(), features, Float.NaN);
            float[][] raw = model.getInnerModels().get(0).predictContrib(matrix, 0);
            int pos = model.getOutputIDInfo().getID(new Label(POSITIVE));
            int neg = model.getOutputIDInfo().getID(new Label(NEGATIVE));
            int stride = features + 1;
            List<Map<String, Double>> out = new ArrayList<>(rows.size());
            for (float[] row : raw) {
                // Softmax over two classes: the log-odds are the difference of the two margins.
                boolean perClass = row.length == 2 * stride;
                Map<String, Double> c = new LinkedHashMap<>();
                for (int j = 0; j < features; j++) {
                    c.put(model.getFeatureIDMap().get(j).getName(), perClass ? (double) row[pos * stride + j] - row[neg * stride + j] : row[j]);
                }
                c.put("(bias)", perClass ? (double) row[pos * stride + features] - row[neg * stride + features] : (double) row[features]);
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

    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve(Scorecard.PROPERTIES), StandardCharsets.UTF_8)) {
                properties.store(out, "GreenCredit gradient-boosted model");
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(MODEL))) {
                model.serializeToStream(out);
            }
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
    @SuppressWarnings("unchecked")
    static TrainedGbt load(Path dir, Properties properties) {
        try (InputStream in = Files.newInputStream(dir.resolve(MODEL));
             Reader encoding = Files.newBufferedReader(dir.resolve(ENCODING), StandardCharsets.UTF_8);
             CsvReader csv = new CsvReader(encoding, ENCODING)) {
            Model<?> model = Model.deserializeFromStream(in);
            List<String> numeric = new ArrayList<>();
            Map<String, Map<String, Double>> categorical = new LinkedHashMap<>();
            csv.next();
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                if (r.get(1).equals("numeric")) {
                    numeric.add(r.get(0));
                } else {
                    String key = r.get(2).equals("(missing)") ? null : r.get(2).equals("(other)") ? "" : r.get(2);
                    categorical.computeIfAbsent(r.get(0), k -> new LinkedHashMap<>()).put(key, Double.valueOf(r.get(3)));
                }
            }
            return new TrainedGbt(properties, (XGBoostModel<Label>) model, numeric, categorical);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The placeholder label of rows being predicted. */
    static final class LabelUnknown {
        static final Label LABEL = org.tribuo.classification.LabelFactory.UNKNOWN_LABEL;

        private LabelUnknown() {
        }
    }
}
