package org.greencredit.models.trees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.greencredit.datasets.io.GreenCreditJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import tools.jackson.databind.JsonNode;

/**
 * The shipped crop and yield models' trees walked in Java answer as Tribuo over xgboost4j does, on rows built to reach
 * every split: each feature's value is one of the model's own thresholds for it, exactly, just below or just above,
 * or absent (missing).
 */
class TribuoTreesTest {
    private static Model<?> shipped(String name, String file) throws IOException {
        try (InputStream in = TribuoTreesTest.class.getResourceAsStream("/models/crop/" + name + "/" + file)) {
            assertThat(in).as(name + "/" + file + " on the classpath").isNotNull();
            return Model.deserializeFromStream(in);
        }
    }

    /** Each feature name of the model with the thresholds its trees split it at. */
    private static Map<String, List<Double>> thresholds(Model<?> model) throws XGBoostError {
        JsonNode trees = GreenCreditJson.mapper().readTree(((XGBoostModel<?>) model).getInnerModels().get(0).toByteArray("json"))
                .path("learner").path("gradient_booster").path("model").path("trees");
        Map<Integer, List<Double>> byId = new HashMap<>();
        for (JsonNode tree : trees) {
            JsonNode left = tree.path("left_children");
            for (int node = 0; node < left.size(); node++) {
                if (left.get(node).asInt() >= 0) {
                    byId.computeIfAbsent(tree.path("split_indices").get(node).asInt(), k -> new ArrayList<>())
                            .add(tree.path("split_conditions").get(node).asDouble());
                }
            }
        }
        Map<String, List<Double>> out = new HashMap<>();
        model.getFeatureIDMap().forEach(info -> out.put(info.getName(),
                byId.getOrDefault(model.getFeatureIDMap().getID(info.getName()), List.of(0.0))));
        return out;
    }

    private static <T extends Output<T>> List<Example<T>> rows(Model<?> model, T unknown, int count, long seed) throws XGBoostError {
        Map<String, List<Double>> thresholds = thresholds(model);
        Random random = new Random(seed);
        List<Example<T>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ArrayExample<T> row = new ArrayExample<>(unknown);
            for (Map.Entry<String, List<Double>> feature : thresholds.entrySet()) {
                if (random.nextDouble() < 0.05) {
                    continue;
                }
                double at = feature.getValue().get(random.nextInt(feature.getValue().size()));
                double step = Math.max(1e-6, Math.abs(at) * 1e-4);
                row.add(feature.getKey(), at + (random.nextInt(3) - 1) * step);
            }
            rows.add(row);
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"crop-xgb-v1", "crop-xgb-early-v1"})
    void theShippedCropModelsGiveTribuosProbabilities(String name) throws Exception {
        Model<Label> model = shipped(name, "series.model").castModel(Label.class);
        TribuoTrees trees = TribuoTrees.of(model);
        assertThat(trees).as("a Tribuo XGBoost classifier is walked in Java").isNotNull();

        List<Example<Label>> rows = rows(model, LabelFactory.UNKNOWN_LABEL, 2_000, 11);
        List<Prediction<Label>> tribuo = model.predict(rows);
        List<Map<String, Double>> walked = trees.classProbabilities(rows);
        assertThat(walked).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Double> java = walked.get(i);
            Map<String, Label> expected = tribuo.get(i).getOutputScores();
            assertThat(java.keySet()).as("row %d", i).isEqualTo(expected.keySet());
            for (Map.Entry<String, Double> p : java.entrySet()) {
                assertThat(p.getValue()).as("row %d, %s", i, p.getKey()).isCloseTo(expected.get(p.getKey()).getScore(), within(1e-6));
            }
        }
    }

    @Test
    void theShippedYieldModelGivesTribuosPredictions() throws Exception {
        Model<Regressor> model = shipped("yield-v1", "yield.model").castModel(Regressor.class);
        TribuoTrees trees = TribuoTrees.of(model);
        assertThat(trees).as("a Tribuo XGBoost regression is walked in Java").isNotNull();

        List<Example<Regressor>> rows = rows(model, RegressionFactory.UNKNOWN_REGRESSOR, 2_000, 12);
        List<Prediction<Regressor>> tribuo = model.predict(rows);
        double[] walked = trees.values(rows);
        assertThat(walked).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            double expected = tribuo.get(i).getOutput().getValues()[0];
            assertThat(walked[i]).as("row %d", i).isCloseTo(expected, within(1e-5 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void aModelThatIsNotTribuosXgboostIsLeftToTribuo() throws Exception {
        try (InputStream in = TribuoTreesTest.class.getResourceAsStream("/models/anomaly/carbon-ocsvm-v1.tribuo")) {
            assertThat(in).isNotNull();
            assertThat(TribuoTrees.of(Model.deserializeFromStream(in))).as("a one-class SVM").isNull();
        }
    }
}
