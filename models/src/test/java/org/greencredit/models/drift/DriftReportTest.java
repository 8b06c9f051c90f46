package org.greencredit.models.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DriftReportTest {
    @Test
    void theIndexOfTwoHalvesMovingToEightyTwenty() {
        // (0.8 - 0.5) ln(0.8 / 0.5) + (0.2 - 0.5) ln(0.2 / 0.5) = 0.3 x 0.470004 + 0.3 x 0.916291 = 0.415888
        assertThat(DriftReport.psi(new double[] {0.5, 0.5}, new double[] {0.8, 0.2})).isCloseTo(0.415888, within(1e-6));
    }

    @Test
    void anIdenticalPopulationHasIndexZero() {
        assertThat(DriftReport.psi(new double[] {0.1, 0.2, 0.7, 0}, new double[] {0.1, 0.2, 0.7, 0})).isZero();
    }

    @Test
    void aBinEmptyInTheReferenceWeighsAsATenThousandthInsteadOfInfinitely() {
        // (0.1 - 0.0001) ln(0.1 / 0.0001) + (0.4 - 0.5) ln(0.4 / 0.5) = 0.0999 x 6.907755 + 0.1 x 0.223144 = 0.712399
        assertThat(DriftReport.psi(new double[] {0.5, 0.5, 0}, new double[] {0.5, 0.4, 0.1})).isCloseTo(0.712399, within(1e-6));
    }

    @Test
    void levelsFollowTheSourcedThresholds() {
        assertThat(DriftReport.levelOf(0.0).name()).isEqualTo("STABLE");
        assertThat(DriftReport.levelOf(0.0999).name()).isEqualTo("STABLE");
        assertThat(DriftReport.levelOf(0.1).name()).isEqualTo("WATCH");
        assertThat(DriftReport.levelOf(0.2499).name()).isEqualTo("WATCH");
        assertThat(DriftReport.levelOf(0.25).name()).isEqualTo("ALERT");
        assertThat(DriftReport.alert().from()).isEqualTo(0.25);
        assertThat(DriftReport.alert().source()).contains("Siddiqi");
    }
}
