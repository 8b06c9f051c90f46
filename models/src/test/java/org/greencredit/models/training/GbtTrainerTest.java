package org.greencredit.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.greencredit.models.tabular.TabularData;
import org.greencredit.models.tabular.TabularReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boosted learner chooses its capacity and rounds on the rows it is given, and keeps rare defaults' probabilities honest. */
class GbtTrainerTest {
    @TempDir
    Path dir;

    private TabularData table(String name, int n, long seed, Process process) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("x1,x2,x3,x4,bad\n");
        for (int i = 0; i < n; i++) {
            double[] x = {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()};
            boolean bad = r.nextDouble() < process.probability(x);
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%d%n", x[0], x[1], x[2], x[3], bad ? 1 : 0));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return TabularReader.read(file, "bad", null, Set.of());
    }

    interface Process {
        double probability(double[] x);
    }

    @Test
    void onRowsWithoutSignalItStopsEarlyAndPredictsTheBaseRate() throws IOException {
        // Every row defaults with probability 0.2 whatever its inputs: nothing for trees to learn.
        TabularData noise = table("noise.csv", 4_000, 1, x -> 0.2);
        TrainedGbt gbt = new GbtTrainer(3).train(noise, Stratified.allRows(noise.rows()), "noise");
        double[] p = gbt.predict(ModelTraining.rows(noise, Stratified.allRows(noise.rows()), gbt.features()));
        double observed = Arrays.stream(Stratified.allRows(noise.rows())).filter(i -> noise.target()[i]).count() / (double) noise.rows();
        assertThat(Arrays.stream(p).min().orElseThrow()).isGreaterThan(observed - 0.08);
        assertThat(Arrays.stream(p).max().orElseThrow()).isLessThan(observed + 0.08);
        // Early stopping: at a learning rate of 0.05, noise leaves the validation loss lowest within a few dozen rounds, far below the cap.
        assertThat(rounds(gbt)).isLessThan(GbtTrainer.MAX_ROUNDS / 4);
    }

    @Test
    void rareDefaultsKeepCalibratedProbabilities() throws IOException {
        // logit = -4.2 + 2.5 x1 - 1.5 x2: about 3% defaults, no re-weighting, so the mean prediction should meet the rate.
        Process process = x -> 1 / (1 + Math.exp(-(-4.2 + 2.5 * x[0] - 1.5 * x[1])));
        TabularData train = table("rare.csv", 20_000, 2, process);
        TabularData test = table("rare-test.csv", 20_000, 3, process);
        TrainedGbt gbt = new GbtTrainer(4).train(train, Stratified.allRows(train.rows()), "rare");
        int[] all = Stratified.allRows(test.rows());
        double[] p = gbt.predict(ModelTraining.rows(test, all, gbt.features()));
        double observed = Arrays.stream(all).filter(i -> test.target()[i]).count() / (double) test.rows();
        assertThat(observed).isBetween(0.02, 0.045);
        assertThat(Arrays.stream(p).average().orElseThrow()).isCloseTo(observed, within(0.005));
        Metrics m = Metrics.of(p, test.target());
        assertThat(m.calibration()).allSatisfy(bin -> assertThat(bin.meanPredicted()).isCloseTo(bin.observed(), within(0.03)));
    }

    @Test
    void anInteractionNoSingleSplitShowsIsLearnedAndTheLowestValidationLossIsChosen() throws IOException {
        // Default is likely only where x1 and x2 are both high or both low (an XOR of halves): stumps see nothing, depth 2 sees it all.
        TabularData xor = table("xor.csv", 6_000, 5, x -> (x[0] > 0.5) == (x[1] > 0.5) ? 0.4 : 0.05);
        TrainedGbt gbt = new GbtTrainer(6).train(xor, Stratified.allRows(xor.rows()), "xor");
        List<String> trials = gbt.trials();
        assertThat(trials).hasSize(GbtTrainer.CAPACITIES.size());
        assertThat(trials.stream().filter(t -> t.endsWith("(chosen)"))).hasSize(1);
        double chosen = logLoss(trials.stream().filter(t -> t.endsWith("(chosen)")).findFirst().orElseThrow());
        assertThat(trials).allSatisfy(t -> assertThat(logLoss(t)).isGreaterThanOrEqualTo(chosen));
        assertThat(gbt.property("selection")).startsWith("a stratified validation fifth");
        assertThat(gbt.property("trainer")).contains("on 6000 rows", "eta 0.05");
        // The true probabilities' log loss on a fresh table bounds the best a model can do (0.436 here); an additive model cannot
        // see the interaction and stays at the base rate's entropy (about 0.53). The learner comes within 0.02 of the bound.
        TabularData test = table("xor-test.csv", 6_000, 7, x -> (x[0] > 0.5) == (x[1] > 0.5) ? 0.4 : 0.05);
        int[] all = Stratified.allRows(test.rows());
        double[] truth = new double[test.rows()];
        List<java.util.Map<String, String>> rows = ModelTraining.rows(test, all, gbt.features());
        for (int i = 0; i < truth.length; i++) {
            double x1 = Double.parseDouble(rows.get(i).get("x1"));
            double x2 = Double.parseDouble(rows.get(i).get("x2"));
            truth[i] = (x1 > 0.5) == (x2 > 0.5) ? 0.4 : 0.05;
        }
        double bound = Metrics.of(truth, test.target()).logLoss();
        double rate = Arrays.stream(all).filter(i -> test.target()[i]).count() / (double) test.rows();
        double entropy = -(rate * Math.log(rate) + (1 - rate) * Math.log(1 - rate));
        assertThat(entropy - bound).isGreaterThan(0.08);
        assertThat(Metrics.of(gbt.predict(rows), test.target()).logLoss()).isCloseTo(bound, within(0.02));
    }

    @Test
    void aFewHundredRowsAreValidatedByCrossValidation() throws IOException {
        TabularData small = table("small.csv", 400, 8, x -> 1 / (1 + Math.exp(-(-1 + 2 * x[0]))));
        TrainedGbt gbt = new GbtTrainer(9).train(small, Stratified.allRows(small.rows()), "small");
        assertThat(gbt.property("selection")).startsWith(Stratified.FOLDS + "-fold cross-validation");
    }

    private static int rounds(TrainedGbt gbt) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(", (\\d+) rounds,").matcher(gbt.property("trainer"));
        assertThat(m.find()).as(gbt.property("trainer")).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static double logLoss(String trial) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("validation log loss ([0-9.]+)").matcher(trial);
        assertThat(m.find()).as(trial).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
