package org.greencredit.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.tabular.TabularData;
import org.greencredit.models.tabular.TabularReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardTrainerTest {
    @TempDir
    Path dir;

    @Test
    void aSmallBinIsShrunkTowardZeroByImaginaryRowsAtTheBaseRate() {
        // 90 negatives and 10 positives: base rate 0.1. A bin of 5 rows with no positive, 10 imaginary rows (9 negative, 1 positive):
        // WoE = ln(((5 + 9) / (90 + 9)) / ((0 + 1) / (10 + 1))) = ln(154 / 99) = 0.441833. Without them it would be infinite.
        boolean[] y = new boolean[100];
        for (int i = 0; i < 10; i++) {
            y[i] = true;
        }
        WoeBinner binner = new WoeBinner(y, Stratified.allRows(100), new WoeBinner.Binning(20, 0.03, 10));
        assertThat(binner.woe(5, 0)).isCloseTo(Math.log(154.0 / 99.0), within(1e-12));
        // A bin at the base rate carries nothing, however strong the shrinkage.
        assertThat(binner.woe(50, 5)).isCloseTo(0.0, within(1e-12));
    }

    /** logit(bad) = -1 + 1.5 x1 - 1 x2 + 0 x3 ... x6: two features that matter and four that do not, on a few hundred rows. */
    private TabularData table(String name, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("x1,x2,x3,x4,x5,x6,bad\n");
        for (int i = 0; i < n; i++) {
            double[] x = new double[6];
            for (int j = 0; j < 6; j++) {
                x[j] = r.nextDouble() * 2 - 1;
            }
            boolean bad = r.nextDouble() < 1 / (1 + Math.exp(-(-1 + 1.5 * x[0] - x[1])));
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%d%n", x[0], x[1], x[2], x[3], x[4], x[5], bad ? 1 : 0));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return TabularReader.read(file, "bad", null, Set.of());
    }

    @Test
    void onAFewHundredRowsTheChoiceIsCrossValidatedAndRecorded() throws IOException {
        TabularData small = table("small.csv", 300, 1);
        Scorecard scorecard = new ScorecardTrainer(ScorecardTrainer.STANDARD_SCALING, 2).train(small, Stratified.allRows(300), "small").scorecard();
        assertThat(scorecard.property("selection")).startsWith("5-fold cross-validation");
        List<String> trials = scorecard.provenance().entrySet().stream().filter(e -> e.getKey().startsWith("trial.")).map(e -> e.getValue()).toList();
        assertThat(trials).hasSize(ScorecardTrainer.BINNINGS.size());
        assertThat(trials.stream().filter(t -> t.endsWith("(chosen)"))).hasSize(1);
        // The lightest smoothing is the reference: it beats itself by nothing.
        assertThat(trials.get(trials.size() - 1)).contains("0.000000 +- 0.000000 better than the lightest");
        String chosen = trials.stream().filter(t -> t.endsWith("(chosen)")).findFirst().orElseThrow();
        assertThat(scorecard.property("trainer")).endsWith(chosen.substring(0, chosen.indexOf(':')));
    }

    @Test
    void onAFewHundredRowsItStaysCloseToTheTrueProcess() throws IOException {
        TabularData small = table("fit.csv", 400, 3);
        TabularData test = table("test.csv", 20_000, 4);
        Scorecard scorecard = new ScorecardTrainer(ScorecardTrainer.STANDARD_SCALING, 5).train(small, Stratified.allRows(400), "fit").scorecard();
        int[] all = Stratified.allRows(test.rows());
        List<java.util.Map<String, String>> rows = ModelTraining.rows(test, all, List.of("x1", "x2", "x3", "x4", "x5", "x6"));
        double[] truth = new double[rows.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = 1 / (1 + Math.exp(-(-1 + 1.5 * Double.parseDouble(rows.get(i).get("x1")) - Double.parseDouble(rows.get(i).get("x2")))));
        }
        Metrics best = Metrics.of(truth, test.target());
        Metrics m = Metrics.of(ModelTraining.predict(scorecard, rows), test.target());
        // 400 rows cannot pin six features' steps exactly: within 0.04 AUC and 0.05 log loss of the process itself, and far better
        // than the base rate alone (its entropy), which an overfitted scorecard of noise bins would not be.
        double rate = java.util.Arrays.stream(all).filter(i -> test.target()[i]).count() / (double) all.length;
        double entropy = -(rate * Math.log(rate) + (1 - rate) * Math.log(1 - rate));
        assertThat(m.auc()).isGreaterThan(best.auc() - 0.04);
        assertThat(m.logLoss()).isLessThan(best.logLoss() + 0.05).isLessThan(entropy - 0.04);
    }
}
