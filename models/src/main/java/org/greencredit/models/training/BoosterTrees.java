package org.greencredit.models.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.greencredit.datasets.io.GreenCreditJson;
import tools.jackson.databind.JsonNode;

/**
 * The trees of a binary-logistic XGBoost model read from its JSON file ({@code booster.json}) and walked in Java, for
 * one row at a time without a native call: a rating scores its challenger in shadow, and creating a native matrix for
 * one row cost more than the rest of the rating's credit stage. Walks the trees as XGBoost does: a numeric split sends
 * {@code x < threshold} left, a missing value the tree's default way; the margin is the sum of the leaves plus the
 * logit of the base score, and the probability its sigmoid. Tests hold its predictions to xgboost4j's.
 */
final class BoosterTrees {
    /** Per tree, per node: children (-1 for a leaf), split feature, threshold or leaf value, default direction. */
    private final int[][] left;
    private final int[][] right;
    private final int[][] feature;
    private final float[][] value;
    private final boolean[][] defaultLeft;
    private final double baseMargin;

    private BoosterTrees(int[][] left, int[][] right, int[][] feature, float[][] value, boolean[][] defaultLeft, double baseMargin) {
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.value = value;
        this.defaultLeft = defaultLeft;
        this.baseMargin = baseMargin;
    }

    /**
     * The trees of {@code file}, or null when the model is one this class does not walk (another objective, categorical
     * splits, several outputs): the caller then asks XGBoost itself.
     */
    static BoosterTrees read(Path file) {
        JsonNode learner;
        try (InputStream in = Files.newInputStream(file)) {
            learner = GreenCreditJson.mapper().readTree(in).path("learner");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!"binary:logistic".equals(learner.path("objective").path("name").asString(""))
                || !"gbtree".equals(learner.path("gradient_booster").path("name").asString(""))) {
            return null;
        }
        JsonNode param = learner.path("learner_model_param");
        if (!"0".equals(param.path("num_class").asString("0")) || !"1".equals(param.path("num_target").asString("1"))) {
            return null;
        }
        double baseScore = Double.parseDouble(param.path("base_score").asString());
        JsonNode trees = learner.path("gradient_booster").path("model").path("trees");
        int n = trees.size();
        int[][] left = new int[n][];
        int[][] right = new int[n][];
        int[][] feature = new int[n][];
        float[][] value = new float[n][];
        boolean[][] defaultLeft = new boolean[n][];
        for (int t = 0; t < n; t++) {
            JsonNode tree = trees.get(t);
            for (JsonNode type : tree.path("split_type")) {
                if (type.asInt() != 0) {
                    return null;
                }
            }
            left[t] = ints(tree.path("left_children"));
            right[t] = ints(tree.path("right_children"));
            feature[t] = ints(tree.path("split_indices"));
            JsonNode conditions = tree.path("split_conditions");
            value[t] = new float[conditions.size()];
            for (int i = 0; i < value[t].length; i++) {
                value[t][i] = (float) conditions.get(i).asDouble();
            }
            JsonNode defaults = tree.path("default_left");
            defaultLeft[t] = new boolean[defaults.size()];
            for (int i = 0; i < defaultLeft[t].length; i++) {
                defaultLeft[t][i] = defaults.get(i).asInt() != 0;
            }
        }
        return new BoosterTrees(left, right, feature, value, defaultLeft, Math.log(baseScore / (1 - baseScore)));
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    /** The probability of the positive class for one row of the booster's columns, NaN for missing. */
    double predict(float[] row) {
        // In float, from the base margin, as XGBoost sums its prediction buffer.
        float margin = (float) baseMargin;
        for (int t = 0; t < left.length; t++) {
            int[] l = left[t];
            int[] r = right[t];
            int[] f = feature[t];
            float[] v = value[t];
            boolean[] d = defaultLeft[t];
            int node = 0;
            while (l[node] >= 0) {
                float x = row[f[node]];
                node = Float.isNaN(x) ? (d[node] ? l[node] : r[node]) : x < v[node] ? l[node] : r[node];
            }
            margin += v[node];
        }
        return 1 / (1 + Math.exp(-margin));
    }
}
