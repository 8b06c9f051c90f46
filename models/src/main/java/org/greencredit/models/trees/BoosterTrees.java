package org.greencredit.models.trees;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.greencredit.datasets.io.GreenCreditJson;
import tools.jackson.databind.JsonNode;

/**
 * The trees of an XGBoost model read from its JSON form and walked in Java, one row at a time without a native call: a
 * rating scores one firm or one farm, and creating a native matrix for one row cost more than the rest of the stage
 * (a farm's crop and yield models took about 450 µs a farm through xgboost4j). Walks the trees as XGBoost 1.6's CPU
 * predictor does: a numeric split sends {@code x < threshold} left and a missing value (NaN) the node's default way;
 * each output group's margin starts at the base margin and adds its trees' leaves in tree order, in float; then the
 * objective's link (sigmoid, XGBoost's own softmax, or none). Tests hold its answers to xgboost4j's.
 */
public final class BoosterTrees {
    /** How the margins become the model's answer. */
    public enum Link {
        /** binary:logistic: one margin, the probability of the positive class is its sigmoid. */
        LOGISTIC,
        /** multi:softprob: one margin per class, probabilities by softmax. */
        SOFTMAX,
        /** Regression objectives with an identity link: the margin is the prediction. */
        IDENTITY
    }

    /** Largest split feature and right-child distance the two-int node holds; a model beyond either is left to XGBoost. */
    private static final int MAX_FEATURE = 0xFFFF;
    private static final int MAX_RIGHT_DISTANCE = 0x7FFF;

    /**
     * Every node of every tree, two ints a node, each tree in depth-first order so that a node's left child is the next
     * node: a step to the left stays on the cache line, and the whole crop model (2,250 trees) takes half the memory it
     * took at four ints a node (batches of plots walk about 15% faster). The first int holds the split feature in its low 16 bits,
     * the distance to the right child in the next 15 (0 for a leaf) and, in the sign bit, whether a missing value goes
     * left; the second, the threshold or leaf value as float bits.
     */
    private final int[] nodes;
    /** The node index of each tree's root. */
    private final int[] roots;
    /** The output group (class) of each tree. */
    private final int[] group;
    private final int groups;
    private final float baseMargin;
    private final Link link;

    private BoosterTrees(int[] nodes, int[] roots, int[] group, int groups, float baseMargin, Link link) {
        this.nodes = nodes;
        this.roots = roots;
        this.group = group;
        this.groups = groups;
        this.baseMargin = baseMargin;
        this.link = link;
    }

    /** The trees of a model file in XGBoost's JSON format, or null when this class does not walk its model (see {@link #of}). */
    public static BoosterTrees read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(GreenCreditJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The trees of a model in XGBoost's JSON form, or null when it is one this class does not walk (a booster other than
     * gbtree, an objective without a link here, categorical splits, several targets): the caller then asks XGBoost itself.
     */
    public static BoosterTrees of(JsonNode model) {
        JsonNode learner = model.path("learner");
        Link link = switch (learner.path("objective").path("name").asString("")) {
            case "binary:logistic" -> Link.LOGISTIC;
            case "multi:softprob" -> Link.SOFTMAX;
            case "reg:squarederror", "reg:linear", "reg:pseudohubererror" -> Link.IDENTITY;
            default -> null;
        };
        if (link == null || !"gbtree".equals(learner.path("gradient_booster").path("name").asString(""))) {
            return null;
        }
        JsonNode param = learner.path("learner_model_param");
        int classes = Integer.parseInt(param.path("num_class").asString("0"));
        if (!"1".equals(param.path("num_target").asString("1")) || (link == Link.SOFTMAX) != (classes > 0)) {
            return null;
        }
        double baseScore = Double.parseDouble(param.path("base_score").asString());
        // XGBoost turns the base score into a margin through the objective's inverse link; softmax and identity keep it.
        float baseMargin = (float) (link == Link.LOGISTIC ? Math.log(baseScore / (1 - baseScore)) : baseScore);
        JsonNode booster = learner.path("gradient_booster").path("model");
        JsonNode trees = booster.path("trees");
        int n = trees.size();
        int[] group = ints(booster.path("tree_info"));
        int groups = link == Link.SOFTMAX ? classes : 1;
        if (group.length != n) {
            return null;
        }
        int[] roots = new int[n];
        int total = 0;
        for (int t = 0; t < n; t++) {
            roots[t] = total;
            total += trees.get(t).path("left_children").size();
        }
        int[] nodes = new int[2 * total];
        for (int t = 0; t < n; t++) {
            JsonNode tree = trees.get(t);
            for (JsonNode type : tree.path("split_type")) {
                if (type.asInt() != 0) {
                    return null;
                }
            }
            if (group[t] < 0 || group[t] >= groups || !layOut(tree, nodes, roots[t])) {
                return null;
            }
        }
        return new BoosterTrees(nodes, roots, group, groups, baseMargin, link);
    }

    /**
     * Writes one tree's nodes from {@code start} in depth-first order (a node, its left subtree, its right subtree);
     * nodes no path from the root reaches (pruned ones) are left out. False when the tree does not fit the node form.
     */
    private static boolean layOut(JsonNode tree, int[] nodes, int start) {
        JsonNode left = tree.path("left_children");
        JsonNode right = tree.path("right_children");
        JsonNode feature = tree.path("split_indices");
        JsonNode condition = tree.path("split_conditions");
        JsonNode defaultLeft = tree.path("default_left");
        int size = left.size();
        // Each pending node: its id in the file, and where its parent waits for the right child's position (-1: none).
        int[] pendingIds = new int[size + 1];
        int[] pendingParents = new int[size + 1];
        int pending = 0;
        pendingIds[pending] = 0;
        pendingParents[pending++] = -1;
        int next = start;
        while (pending > 0) {
            pending--;
            int id = pendingIds[pending];
            int parent = pendingParents[pending];
            if (id < 0 || id >= size || next - start >= size) {
                return false;
            }
            int at = next++;
            if (parent >= 0) {
                int distance = at - parent;
                if (distance > MAX_RIGHT_DISTANCE) {
                    return false;
                }
                nodes[2 * parent] |= distance << 16;
            }
            nodes[2 * at + 1] = Float.floatToRawIntBits((float) condition.get(id).asDouble());
            if (left.get(id).asInt() < 0) {
                continue;
            }
            int split = feature.get(id).asInt();
            if (split < 0 || split > MAX_FEATURE) {
                return false;
            }
            nodes[2 * at] = split | (defaultLeft.get(id).asInt() != 0 ? Integer.MIN_VALUE : 0);
            // The right child waits for its distance until the left subtree is written; the left child comes next.
            pendingIds[pending] = right.get(id).asInt();
            pendingParents[pending++] = at;
            pendingIds[pending] = left.get(id).asInt();
            pendingParents[pending++] = -1;
        }
        return true;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    public Link link() {
        return link;
    }

    /** Output groups: the classes of a softmax model, else 1. */
    public int groups() {
        return groups;
    }

    /**
     * The raw margin of each output group for each row of the booster's columns (NaN for missing). Tree by tree over all
     * the rows, so that a tree's nodes are read from memory once for the batch rather than once a row.
     */
    public float[][] margins(float[][] rows) {
        float[][] margins = new float[rows.length][groups];
        for (float[] m : margins) {
            Arrays.fill(m, baseMargin);
        }
        int[] nodes = this.nodes;
        for (int t = 0; t < roots.length; t++) {
            int root = 2 * roots[t];
            int g = group[t];
            for (int r = 0; r < rows.length; r++) {
                float[] row = rows[r];
                int at = root;
                int word;
                while ((word = nodes[at]) >>> 16 != 0) {
                    float x = row[word & MAX_FEATURE];
                    if (x != x) {
                        // Missing: an infinity on the node's default side sends it there through the same comparison.
                        x = word < 0 ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
                    }
                    at += x < Float.intBitsToFloat(nodes[at + 1]) ? 2 : 2 * ((word >>> 16) & MAX_RIGHT_DISTANCE);
                }
                margins[r][g] += Float.intBitsToFloat(nodes[at + 1]);
            }
        }
        return margins;
    }

    /** The probability of the positive class of a binary-logistic model for each row. */
    public double[] probabilities(float[][] rows) {
        requireLink(Link.LOGISTIC);
        double[] p = singleMargins(rows);
        for (int r = 0; r < p.length; r++) {
            p[r] = 1 / (1 + Math.exp(-p[r]));
        }
        return p;
    }

    /**
     * Each class's probability of a softmax model for each row, computed as XGBoost's {@code common::Softmax}: exponentials
     * of the margins less the largest in float, summed in double, each divided by the sum as a float.
     */
    public float[][] classProbabilities(float[][] rows) {
        requireLink(Link.SOFTMAX);
        float[][] margins = margins(rows);
        for (float[] p : margins) {
            float max = p[0];
            for (float x : p) {
                max = Math.max(max, x);
            }
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) Math.exp(p[i] - max);
                sum += p[i];
            }
            for (int i = 0; i < p.length; i++) {
                p[i] /= (float) sum;
            }
        }
        return margins;
    }

    /** The predictions of a regression model for each row. */
    public double[] values(float[][] rows) {
        requireLink(Link.IDENTITY);
        return singleMargins(rows);
    }

    /** The one margin of each row of a model with a single output group. */
    private double[] singleMargins(float[][] rows) {
        float[][] margins = margins(rows);
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = margins[r][0];
        }
        return out;
    }

    private void requireLink(Link expected) {
        if (link != expected) {
            throw new IllegalStateException("these trees have the " + link + " link, not " + expected);
        }
    }
}
