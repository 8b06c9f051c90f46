package org.greencredit.models.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniRocketTest {
    @TempDir
    Path dir;

    /** log2((36 - 1) / 8) = 2.13: exponents 0, 1.06 and 2.13, so dilations 1, 2 and 4. */
    @Test
    void dilationsSpreadExponentiallyUpToTheSeriesLength() {
        assertThat(MiniRocket.dilations(36)).containsExactly(1, 2, 4);
        assertThat(MiniRocket.dilations(9)).containsExactly(1);
    }

    /**
     * A single 1 at the centre of nine values, kernel 0 (weight 2 at its first three taps, -1 elsewhere), dilation 1.
     * Every output sees the 1 through one tap: -1, except positions 6, 7 and 8, which see it through taps 2, 1 and 0
     * (weight 2). Unpadded, only the centre has all nine taps inside: -1.
     */
    @Test
    void theConvolutionIsTheKernelsWeightedSumOverItsTaps() {
        double[] x = {0, 0, 0, 0, 1, 0, 0, 0, 0};
        assertThat(MiniRocket.convolve(x, 0, 1, true)).containsExactly(-1, -1, -1, -1, -1, -1, 2, 2, 2);
        assertThat(MiniRocket.convolve(x, 0, 1, false)).containsExactly(-1);
    }

    @Test
    void featuresAreStandardisedOnTheTrainingSeriesAndTheSavedTransformGivesTheSameOnes() {
        List<double[]> series = curves(new Random(3), 50);
        MiniRocket rocket = MiniRocket.fit(series, 8, 7);
        assertThat(rocket.features()).isEqualTo(84 * 3 * 8);
        double[][] f = series.stream().map(rocket::transform).toArray(double[][]::new);
        for (int i = 0; i < rocket.features(); i++) {
            int feature = i;
            double mean = Arrays.stream(f).mapToDouble(row -> row[feature]).average().orElseThrow();
            double variance = Arrays.stream(f).mapToDouble(row -> (row[feature] - mean) * (row[feature] - mean)).average().orElseThrow();
            assertThat(mean).as("mean of feature %d", i).isCloseTo(0.0, within(1e-9));
            // A feature constant on the training series stays 0; every other one has unit variance.
            assertThat(variance).as("variance of feature %d", i).satisfiesAnyOf(v -> assertThat(v).isCloseTo(0.0, within(1e-9)),
                    v -> assertThat(v).isCloseTo(1.0, within(1e-6)));
        }
        MiniRocket reloaded = MiniRocket.fromLines(rocket.toLines(), "test");
        for (double[] s : series) {
            assertThat(reloaded.transform(s)).containsExactly(rocket.transform(s));
        }
        assertThatThrownBy(() -> rocket.transform(new double[10])).hasMessageContaining("fitted on series of 36 values, got 10");
        assertThatThrownBy(() -> MiniRocket.fromLines(rocket.toLines().subList(0, 5), "cut.txt"))
                .hasMessageContaining("cut.txt is not a MiniRocket transform");
    }

    /** Curves peaking early (label EARLY) or late (LATE) in a 36-step season, with noise: any learner that sees shape tells them apart. */
    private static List<double[]> curves(Random random, int n) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double peak = i % 2 == 0 ? 10 : 25;
            double[] v = new double[36];
            for (int t = 0; t < 36; t++) {
                v[t] = 0.2 + 0.6 * Math.exp(-Math.pow((t - peak - random.nextGaussian()) / 4, 2)) + 0.03 * random.nextGaussian();
            }
            out.add(v);
        }
        return out;
    }

    @Test
    void trainingRecordsBothCandidatesKeepsOneAndTheSavedModelPredictsTheSame() throws IOException {
        Random random = new Random(11);
        List<double[]> values = curves(random, 400);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            labels.add(i % 2 == 0 ? "EARLY" : "LATE");
        }
        SeriesClassifier model = SeriesClassifier.train(new LabelledSeries(labels, values, 36), 5);
        model.save(dir);
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve(SeriesClassifier.PROPERTIES))) {
            p.load(in);
        }
        assertThat(p.getProperty("candidate.1")).startsWith("phenology features + XGBoost").contains("validation log loss");
        assertThat(p.getProperty("candidate.2")).startsWith("MiniRocket features").contains("validation log loss");
        assertThat(p.getProperty("selection")).startsWith("lowest validation log loss on a stratified fifth of 400 series");
        assertThat(p.getProperty("features")).isIn("phenology", "minirocket");
        assertThat(Files.exists(dir.resolve(SeriesClassifier.ROCKET))).isEqualTo(p.getProperty("features").equals("minirocket"));

        List<double[]> fresh = curves(random, 100);
        SeriesClassifier loaded = SeriesClassifier.load(dir);
        List<SeriesClassifier.Result> before = model.predict(fresh);
        List<SeriesClassifier.Result> after = loaded.predict(fresh);
        int right = 0;
        for (int i = 0; i < fresh.size(); i++) {
            assertThat(after.get(i).label()).isEqualTo(before.get(i).label());
            right += after.get(i).label().equals(i % 2 == 0 ? "EARLY" : "LATE") ? 1 : 0;
        }
        assertThat(right).as("peaks 15 steps apart with noise of one step").isGreaterThanOrEqualTo(98);
        assertThat(loaded.learner()).isEqualTo(p.getProperty("learner"));
    }

    @Test
    void withTooFewSeriesOfAClassToHoldAFifthOutTheTreesAreTrainedWithoutAChoice() throws IOException {
        List<double[]> values = curves(new Random(2), 30);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            // 24 EARLY and 6 LATE: the smallest class is below the 10 a held-out fifth needs.
            labels.add(i < 24 ? "EARLY" : "LATE");
        }
        SeriesClassifier model = SeriesClassifier.train(new LabelledSeries(labels, values, 36), 5);
        model.save(dir);
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve(SeriesClassifier.PROPERTIES))) {
            p.load(in);
        }
        assertThat(p.getProperty("selection")).startsWith("no choice: a class has 6 series");
        assertThat(p.getProperty("features")).isEqualTo("phenology");
        assertThat(p.getProperty("candidate.1")).isNull();
    }
}
