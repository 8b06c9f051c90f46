package org.greencredit.models.trees;

import static org.assertj.core.api.Assertions.assertThat;

import org.greencredit.datasets.io.GreenCreditJson;
import org.junit.jupiter.api.Test;

/**
 * Small models written by hand in XGBoost's JSON form, with answers worked out on paper: the walk follows the file's
 * children whatever order its nodes are in, skips pruned nodes, and leaves to XGBoost a model the node form cannot hold.
 */
class BoosterTreesFormTest {
    /**
     * One regression tree, base score 0.5, its nodes listed out of depth-first order with one pruned node (5) no path
     * reaches: node 0 splits feature 1 at 2.0 (missing goes right) into node 3 and leaf 1 (+10); node 3 splits feature 0
     * at -1.0 (missing goes left) into leaf 4 (-3) and leaf 2 (+7).
     */
    private static final String TREE = """
            {"learner": {"objective": {"name": "reg:squarederror"},
              "learner_model_param": {"base_score": "5E-1", "num_class": "0", "num_target": "1"},
              "gradient_booster": {"name": "gbtree", "model": {"tree_info": [0], "trees": [{
                "left_children":    [3, -1, -1, 4, -1, -1],
                "right_children":   [1, -1, -1, 2, -1, -1],
                "split_indices":    [%d, 0, 0, 0, 0, 0],
                "split_conditions": [2.0, 10.0, 7.0, -1.0, -3.0, 99.0],
                "default_left":     [0, 0, 0, 1, 0, 0],
                "split_type":       [0, 0, 0, 0, 0, 0]}]}}}}
            """;

    private static BoosterTrees tree(int firstSplitFeature) {
        return BoosterTrees.of(GreenCreditJson.mapper().readTree(TREE.formatted(firstSplitFeature)));
    }

    @Test
    void eachRowEndsAtTheLeafItsValuesLeadTo() {
        float nan = Float.NaN;
        double[] predictions = tree(1).values(new float[][] {
            {-2f, 1f}, // left (1 < 2), then left (-2 < -1): 0.5 - 3
            {0f, 1f}, // left, then right (0 >= -1): 0.5 + 7
            {-5f, 2f}, // right (2 is not below 2): 0.5 + 10
            {nan, 1f}, // left, then missing goes left: 0.5 - 3
            {0f, nan}, // missing goes right at the root: 0.5 + 10
        });
        assertThat(predictions).containsExactly(-2.5, 7.5, 10.5, -2.5, 10.5);
    }

    @Test
    void aSplitOnAFeatureBeyondWhatTheNodeHoldsIsLeftToXgboost() {
        assertThat(tree(65_535)).isNotNull();
        assertThat(tree(65_536)).isNull();
    }

    @Test
    void childrenThatLoopBackAreRefusedRatherThanWalkedForever() {
        String looping = TREE.formatted(1).replace("[3, -1, -1, 4, -1, -1]", "[3, -1, -1, 0, -1, -1]");
        assertThat(BoosterTrees.of(GreenCreditJson.mapper().readTree(looping))).isNull();
    }
}
