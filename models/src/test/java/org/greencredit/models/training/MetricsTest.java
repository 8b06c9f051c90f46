package org.greencredit.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void aucKsBrierAndAccuracyByHand() {
        // Positives at 0.9 and 0.4, negatives at 0.6, 0.2 and 0.1: 5 of 6 pairs ordered right.
        double[] p = {0.9, 0.6, 0.4, 0.2, 0.1};
        boolean[] y = {true, false, true, false, false};
        Metrics m = Metrics.of(p, y);
        assertThat(m.auc()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(m.gini()).isCloseTo(2 * 5.0 / 6 - 1, within(1e-12));
        // KS: after 0.9 -> TPR 0.5, FPR 0; after 0.4 -> TPR 1, FPR 1/3: max gap 2/3.
        assertThat(m.ks()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.brier()).isCloseTo((0.01 + 0.36 + 0.36 + 0.04 + 0.01) / 5, within(1e-12));
        assertThat(m.accuracy()).isCloseTo(3.0 / 5, within(1e-12));
    }

    @Test
    void tiesCountHalfAndLargeSamplesDoNotOverflow() {
        assertThat(Metrics.of(new double[] {0.5, 0.5}, new boolean[] {true, false}).auc()).isEqualTo(0.5);
        int n = 200_000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
            y[i] = i >= n / 2;
        }
        assertThat(Metrics.of(p, y).auc()).isEqualTo(1.0);
    }
}
