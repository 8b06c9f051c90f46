package org.greencredit.models.trees;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.greencredit.datasets.io.GreenCreditJson;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * A Tribuo XGBoost model's trees walked in Java ({@link BoosterTrees}), reading examples as Tribuo does: each feature
 * at the column of its id in the model's feature map, features the model does not know ignored, absent ones missing.
 */
public final class TribuoTrees {
    private final BoosterTrees trees;
    private final ImmutableFeatureMap features;
    /** Class names by output id, for a classifier; null for a regression. */
    private final String[] labels;

    private TribuoTrees(BoosterTrees trees, ImmutableFeatureMap features, String[] labels) {
        this.trees = trees;
        this.features = features;
        this.labels = labels;
    }

    /**
     * The trees of {@code model}, or null when it is not a Tribuo XGBoost model of one booster whose trees
     * {@link BoosterTrees} walks; the caller then predicts through Tribuo.
     */
    public static TribuoTrees of(Model<?> model) {
        if (!(model instanceof XGBoostModel<?> xgb) || xgb.getInnerModels().size() != 1) {
            return null;
        }
        Booster booster = xgb.getInnerModels().get(0);
        BoosterTrees trees;
        try {
            trees = BoosterTrees.of(GreenCreditJson.mapper().readTree(booster.toByteArray("json")));
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot read the trees of a Tribuo XGBoost model: " + e.getMessage(), e);
        }
        if (trees == null) {
            return null;
        }
        String[] labels = null;
        if (trees.link() == BoosterTrees.Link.SOFTMAX) {
            ImmutableOutputInfo<?> outputs = model.getOutputIDInfo();
            if (outputs.size() != trees.groups()) {
                return null;
            }
            labels = new String[outputs.size()];
            for (int id = 0; id < labels.length; id++) {
                if (!(outputs.getOutput(id) instanceof Label label)) {
                    return null;
                }
                labels[id] = label.getLabel();
            }
        } else if (trees.link() != BoosterTrees.Link.IDENTITY) {
            return null;
        }
        return new TribuoTrees(trees, model.getFeatureIDMap(), labels);
    }

    private float[][] rows(List<? extends Example<?>> examples) {
        float[][] rows = new float[examples.size()][features.size()];
        for (int r = 0; r < rows.length; r++) {
            Arrays.fill(rows[r], Float.NaN);
            for (Feature f : examples.get(r)) {
                int id = features.getID(f.getName());
                if (id >= 0) {
                    rows[r][id] = (float) f.getValue();
                }
            }
        }
        return rows;
    }

    /** A classifier's probability of each class for each example, by class name, as Tribuo's prediction scores give them. */
    public List<Map<String, Double>> classProbabilities(List<? extends Example<?>> examples) {
        if (labels == null) {
            throw new IllegalStateException("a regression model has no classes");
        }
        List<Map<String, Double>> out = new ArrayList<>(examples.size());
        for (float[] p : trees.classProbabilities(rows(examples))) {
            Map<String, Double> byLabel = new TreeMap<>();
            for (int id = 0; id < p.length; id++) {
                byLabel.put(labels[id], (double) p[id]);
            }
            out.add(byLabel);
        }
        return out;
    }

    /** A regression model's prediction for each example. */
    public double[] values(List<? extends Example<?>> examples) {
        return trees.values(rows(examples));
    }
}
