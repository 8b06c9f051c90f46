package org.greencredit.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import org.greencredit.models.tabular.TabularData;
import org.greencredit.models.tabular.TabularReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossValidationTest {
    @TempDir
    Path dir;

    @Test
    void everyFoldHoldsItsShareOfEachClassAndEveryRowIsInOneFold() {
        boolean[] y = new boolean[50];
        for (int i = 0; i < 10; i++) {
            y[i * 5] = true;
        }
        int[] all = Stratified.allRows(50);
        int[] foldOf = Stratified.folds(y, all, 5, 3);
        for (int f = 0; f < 5; f++) {
            int[] in = Stratified.rowsOf(all, foldOf, f, true);
            int[] out = Stratified.rowsOf(all, foldOf, f, false);
            assertThat(in).hasSize(10);
            assertThat(out).hasSize(40);
            assertThat(Arrays.stream(in).filter(r -> y[r]).count()).as("positives in fold " + f).isEqualTo(2);
        }
        assertThat(Stratified.folds(y, all, 5, 3)).containsExactly(foldOf);
        assertThat(Stratified.folds(y, all, 5, 4)).isNotEqualTo(foldOf);
    }

    @Test
    void aSplitWithinRowsKeepsToThoseRowsAndTheirClassShares() {
        boolean[] y = new boolean[100];
        for (int i = 0; i < 100; i += 4) {
            y[i] = true;
        }
        int[] evenRows = java.util.stream.IntStream.range(0, 50).map(i -> 2 * i).toArray();
        int[][] split = Stratified.split(y, evenRows, 0.2, 1);
        // 25 positives (multiples of 4) and 25 negatives among the even rows: a fifth of each is held out.
        assertThat(split[1]).hasSize(10);
        assertThat(Arrays.stream(split[1]).filter(r -> y[r]).count()).isEqualTo(5);
        assertThat(split[0]).hasSize(40);
        assertThat(Arrays.stream(split[0]).boxed().toList()).allMatch(r -> r % 2 == 0).doesNotContainAnyElementsOf(Arrays.stream(split[1]).boxed().toList());
    }

    /** logit(bad) = -1.5 + 2 x - 1 [group = B], x uniform on (0, 1), a quarter of x missing with no effect. */
    @Test
    void outOfFoldAucComesNearTheTrueProcess() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        int n = 3_000;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        StringBuilder csv = new StringBuilder("x,group,bad\n");
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble();
            boolean b = r.nextBoolean();
            p[i] = 1 / (1 + Math.exp(-(-1.5 + 2 * x - (b ? 1 : 0))));
            y[i] = r.nextDouble() < p[i];
            csv.append(r.nextDouble() < 0.25 ? "" : String.format(java.util.Locale.ROOT, "%.4f", x)).append(',').append(b ? "B" : "A")
                    .append(',').append(y[i] ? 1 : 0).append('\n');
        }
        Path file = dir.resolve("cv.csv");
        Files.writeString(file, csv);
        TabularData table = TabularReader.read(file, "bad", null, Set.of());
        // The true probabilities' AUC, less what the hidden x of the missing quarter costs, bounds what a learner can reach.
        double trueAuc = Metrics.of(p, y).auc();
        for (ModelTraining.Kind kind : ModelTraining.Kind.values()) {
            CrossValidation.Result result = CrossValidation.run(table, kind, 4, 9);
            assertThat(result.folds()).hasSize(4).allSatisfy(f -> assertThat(f.trainRows() + f.testRows()).isEqualTo(n));
            assertThat(result.folds().stream().mapToInt(CrossValidation.Fold::testRows).sum()).isEqualTo(n);
            assertThat(result.pooled().n()).isEqualTo(n);
            assertThat(result.meanAuc()).as(kind.toString()).isBetween(trueAuc - 0.06, trueAuc + 0.01);
            assertThat(result.meanAuc()).isCloseTo(result.folds().stream().mapToDouble(CrossValidation.Fold::auc).average().orElseThrow(), within(1e-12));
        }
    }

    @Test
    void fewerThanTwoFoldsIsRefused() throws IOException {
        Path file = dir.resolve("tiny.csv");
        Files.writeString(file, "x,bad\n1,0\n2,1\n3,0\n4,1\n");
        TabularData table = TabularReader.read(file, "bad", null, Set.of());
        assertThatThrownBy(() -> CrossValidation.run(table, ModelTraining.Kind.SCORECARD, 1, 1)).hasMessage("folds must be at least 2, got 1");
    }
}
