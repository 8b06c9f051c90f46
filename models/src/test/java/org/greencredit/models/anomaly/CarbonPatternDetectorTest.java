package org.greencredit.models.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.greencredit.core.rating.Anomaly;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;

class CarbonPatternDetectorTest {
    private static final CarbonPatternDetector SHIPPED = CarbonPatternDetector.shipped();

    /** electricityLogRatio, seasonalSwing, roughness, repeatShare, latestQuarterLogChange, tariffLogRatio, physicalShare */
    private static double[] features(double ratio, double swing, double roughness, double repeats, double quarter, double tariff, double physical) {
        return new double[] {ratio, swing, roughness, repeats, quarter, tariff, physical};
    }

    @Test
    void theShippedModelKeepsItsPredictionsOnFixedInputs() {
        // An ordinary account: electricity near the benchmark, a 30% seasonal swing, 8% monthly noise.
        assertThat(SHIPPED.check(features(0.0, 0.3, 0.08, 0.0, -0.05, 0.0, 0.75))).isNull();
        // Electricity at a tenth of what the industry and revenue imply.
        assertThat(SHIPPED.check(features(Math.log(0.1), 0.3, 0.08, 0.0, -0.05, 0.0, 0.75))).isNotNull();
        // The latest quarter at 30% of a year earlier.
        assertThat(SHIPPED.check(features(0.0, 1.2, 0.2, 0.0, Math.log(0.3), 0.0, 0.75))).isNotNull();
        // Spend at three times the tariff.
        Anomaly tariff = SHIPPED.check(features(0.0, 0.3, 0.08, 0.0, -0.05, Math.log(3), 0.75));
        assertThat(tariff).isNotNull();
        assertThat(tariff.code()).isEqualTo(CarbonPatternDetector.CODE);
        assertThat(tariff.evidence()).startsWith(CarbonPatternDetector.VERSION);
    }

    @Test
    void trainingOnOrdinaryPointsFlagsAboutNuOfThemAndSavesAndLoadsUnchanged() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        List<double[]> ordinary = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ordinary.add(features(0.3 * gaussian(random), 0.3 + 0.05 * gaussian(random), 0.08 + 0.01 * gaussian(random), 0,
                    0.05 * gaussian(random), 0.1 * gaussian(random), 0.75));
        }
        CarbonPatternDetector detector = CarbonPatternDetector.train(ordinary, 0.02, 0.5, 7, "test-v1");
        long flagged = ordinary.stream().filter(f -> detector.check(f) != null).count();
        assertThat(flagged).isBetween(5L, 60L);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        detector.save(bytes);
        Model<?> reloaded = Model.deserializeFromStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(reloaded.getProvenance().getTrainerProvenance().getClassName()).contains("LibSVMAnomalyTrainer");
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
