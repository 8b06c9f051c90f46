package org.greencredit.models.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunningDriftTest {
    private static final int N = 1_000;

    /** x at 0.0005, 0.0015, ... 0.9995 (a thousand evenly spread values: each decile holds exactly a hundred), score = x. */
    private static PopulationReference reference() {
        String[] x = new String[N];
        double[] score = new double[N];
        for (int i = 0; i < N; i++) {
            double v = (i + 0.5) / N;
            x[i] = Double.toString(v);
            score[i] = v;
        }
        return PopulationReference.of(Map.of("x", x), Set.of("x"), score, "test rows");
    }

    private static Map<String, Object> row(double x) {
        Map<String, Object> row = new HashMap<>();
        row.put("x", x);
        row.put(PopulationReference.SCORE, x);
        return row;
    }

    @Test
    void theTrainingRowsThemselvesHaveNoDrift() {
        RunningDrift drift = new RunningDrift(reference());
        for (int i = 0; i < N; i++) {
            drift.add(row((i + 0.5) / N));
        }
        assertThat(drift.rows()).isEqualTo(N);
        assertThat(drift.drift()).allSatisfy(v -> {
            assertThat(v.psi()).isCloseTo(0.0, within(1e-12));
            assertThat(v.level()).isEqualTo(DriftReport.levelOf(0).name());
        });
    }

    /**
     * Shifted by half: none of the new rows falls in the five lowest deciles, a tenth in each of the next four, six tenths
     * in the top one. The top bin alone adds (0.6 - 0.1) ln 6 = 0.896 to the index: past the alert level of 0.25.
     */
    @Test
    void aShiftedPopulationIsFlaggedAndAMissingValueCountsInTheMissingBin() {
        RunningDrift drift = new RunningDrift(reference());
        for (int i = 0; i < N; i++) {
            drift.add(row(0.5 + (i + 0.5) / N));
        }
        DriftReport.VariableDrift x = drift.drift().get(0);
        assertThat(x.variable()).isEqualTo("x");
        assertThat(x.psi()).isGreaterThan(0.5 * Math.log(6));
        assertThat(x.level()).isEqualTo(DriftReport.alert().name());

        RunningDrift missing = new RunningDrift(reference());
        missing.add(Map.of());
        DriftReport.BinShare last = missing.drift().get(0).bins().get(missing.drift().get(0).bins().size() - 1);
        assertThat(last.bin()).isEqualTo("(missing)");
        assertThat(last.actual()).isEqualTo(1.0);
    }
}
