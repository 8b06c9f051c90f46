package org.greencredit.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.models.credit.Bin;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.tabular.Column;
import org.greencredit.models.tabular.TabularData;
import org.greencredit.models.tabular.TabularFormatException;
import org.greencredit.models.tabular.TabularReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train and evaluate on tables of many shapes, written by the test from a known logistic process. */
class ModelTrainingTest {
    @TempDir
    Path dir;

    /** A table and the AUC of the true probabilities on it. */
    record Table(Path file, double trueAuc, double positiveRate) {
    }

    /**
     * logit(bad) = -2.5 + 1.2 debt - 0.5 (ln income - 10) - 0.02 (age - 40) + segment effect + 0.8 [age missing].
     * Income is log-normal (heavy tail), age is missing in 15% of rows in three spellings, a noise column
     * and an identifier column carry nothing.
     */
    private Table write(String name, int n, long seed, char delimiter, String bad, String good) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        StringBuilder out = new StringBuilder(String.join(String.valueOf(delimiter), "客户编号", "income", "负债率", "age", "segment", "noise", "status"))
                .append('\n');
        String[] missing = {"NA", "", "?"};
        for (int i = 0; i < n; i++) {
            double income = Math.exp(10 + gaussian(r));
            double debt = 2 * r.nextDouble();
            int age = 18 + r.nextInt(53);
            int segment = r.nextInt(4);
            boolean ageMissing = r.nextDouble() < 0.15;
            double z = -2.5 + 1.2 * debt - 0.5 * (Math.log(income) - 10) - 0.02 * (age - 40) + new double[] {0, 0.5, -0.5, 1.0}[segment]
                    + (ageMissing ? 0.8 : 0);
            p[i] = 1 / (1 + Math.exp(-z));
            y[i] = r.nextDouble() < p[i];
            out.append(String.join(String.valueOf(delimiter), "ID" + i, String.format(java.util.Locale.ROOT, "%.2f", income),
                    String.format(java.util.Locale.ROOT, "%.4f", debt), ageMissing ? missing[r.nextInt(3)] : String.valueOf(age),
                    "ABCD".substring(segment, segment + 1), String.valueOf(r.nextDouble()), y[i] ? bad : good)).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, out, StandardCharsets.UTF_8);
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        return new Table(file, Metrics.of(p, y).auc(), (double) positives / n);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void reachesTheTrueProcessOnUnseenDataAndIsCalibrated() throws IOException {
        Table train = write("train.csv", 20_000, 1, ',', "1", "0");
        Table test = write("test.csv", 10_000, 2, ',', "1", "0");
        ModelTraining.Trained trained = ModelTraining.train(train.file(), "status", null, Set.of(), dir.resolve("model"), 7, ModelTraining.Kind.SCORECARD);

        assertThat(Scorecard.fromDirectory(dir.resolve("model")).property("positive")).isEqualTo("1");
        assertThat(trained.ignoredColumns()).singleElement().asString().startsWith("客户编号 (identifier-like");
        assertThat(trained.features()).contains("income", "负债率", "age", "segment").doesNotContain("noise");
        Metrics m = ModelTraining.evaluate(dir.resolve("model"), test.file(), "status", null);
        assertThat(m.n()).isEqualTo(10_000);
        assertThat(m.auc()).isCloseTo(test.trueAuc(), within(0.02));
        double meanPredicted = m.calibration().stream().mapToDouble(c -> c.meanPredicted() * c.n()).sum() / m.n();
        assertThat(meanPredicted).isCloseTo(test.positiveRate(), within(0.02));
        assertThat(m.calibration()).allSatisfy(c -> assertThat(c.meanPredicted()).isCloseTo(c.observed(), within(0.06)));
        assertThat(Files.readString(dir.resolve("model/model-card.md"))).contains("Hold-out metrics", "SHA-256", "LinearSGDTrainer");
        assertThat(Files.readString(dir.resolve("model/model-card.json"))).contains("\"trainingDataSha256\"", "\"holdout\":{\"n\":4000");
    }

    @Test
    void wholePointsAddUpToTheScoreAndASavedScorecardScoresTheSame() throws IOException {
        Table train = write("t.csv", 3_000, 3, ',', "bad", "good");
        ModelTraining.train(train.file(), "status", null, Set.of(), dir.resolve("m"), 1, ModelTraining.Kind.SCORECARD);
        Scorecard loaded = Scorecard.fromDirectory(dir.resolve("m"));
        Map<String, String> row = new HashMap<>(Map.of("income", "25000", "负债率", "1.7", "age", "NA", "segment", "Z"));
        int sum = loaded.interceptPoints();
        for (String feature : loaded.bins().keySet()) {
            sum += loaded.binOfRaw(feature, row.get(feature)).points();
        }
        assertThat(loaded.scoreRow(row)).isEqualTo(sum);
        // An unseen category falls in OTHER, a missing spelling in MISSING.
        assertThat(loaded.binOfRaw("segment", "Z").kind()).isEqualTo(Bin.Kind.OTHER);
        assertThat(loaded.binOfRaw("age", "NA").kind()).isEqualTo(Bin.Kind.MISSING);
        assertThat(loaded.property("positive")).isEqualTo("bad");
        // The champion's type: the same files load, save and load again to the same points.
        loaded.save(dir.resolve("again"));
        Scorecard again = Scorecard.fromDirectory(dir.resolve("again"));
        assertThat(again.scoreRow(row)).isEqualTo(loaded.scoreRow(row));
        assertThat(again.bins()).isEqualTo(loaded.bins());
        assertThat(again.pdOf(600)).isEqualTo(loaded.pdOf(600));
    }

    @Test
    void readsSemicolonAndTabSeparatedFilesAndSmallTables() throws IOException {
        Table semicolon = write("s.csv", 400, 4, ';', "Y", "N");
        Table tab = write("t.tsv", 400, 5, '\t', "yes", "no");
        assertThat(ModelTraining.train(semicolon.file(), "status", null, Set.of(), dir.resolve("s"), 1, ModelTraining.Kind.SCORECARD).holdout().n()).isEqualTo(80);
        assertThat(ModelTraining.train(tab.file(), "status", null, Set.of("noise"), dir.resolve("t"), 1, ModelTraining.Kind.SCORECARD).ignoredColumns())
                .contains("noise (excluded)");
    }

    @Test
    void monotoneBinsNeverReverseTheirRate() throws IOException {
        Table train = write("m.csv", 20_000, 6, ',', "1", "0");
        TabularData table = TabularReader.read(train.file(), "status", null, Set.of());
        int[] all = java.util.stream.IntStream.range(0, table.rows()).toArray();
        WoeBinner binner = new WoeBinner(table.target(), all, WoeBinner.Binning.FINE);
        for (String feature : List.of("income", "负债率")) {
            Column column = table.columns().stream().filter(c -> c.name().equals(feature)).findFirst().orElseThrow();
            List<Double> rates = new ArrayList<>();
            binner.bin(column, table.target(), all).stream().filter(b -> b.kind() == WoeBin.Kind.RANGE)
                    .forEach(b -> rates.add((double) b.positives() / b.count()));
            boolean rising = rates.get(rates.size() - 1) >= rates.get(0);
            for (int i = 1; i < rates.size(); i++) {
                assertThat(rising ? rates.get(i) >= rates.get(i - 1) : rates.get(i) <= rates.get(i - 1)).as(feature + " " + rates).isTrue();
            }
        }
    }

    @Test
    void theBoostedChallengerReachesTheTrueProcessAndItsContributionsAddUpToTheLogOdds() throws IOException {
        Table train = write("g.csv", 20_000, 8, ',', "1", "0");
        Table test = write("gt.csv", 10_000, 9, ',', "1", "0");
        ModelTraining.Trained trained = ModelTraining.train(train.file(), "status", null, Set.of(), dir.resolve("gbt"), 3, ModelTraining.Kind.GBT);
        assertThat(trained.kind()).isEqualTo(ModelTraining.Kind.GBT);
        Metrics m = ModelTraining.evaluate(dir.resolve("gbt"), test.file(), "status", null);
        assertThat(m.auc()).isCloseTo(test.trueAuc(), within(0.02));

        TrainedGbt gbt = TrainedGbt.load(dir.resolve("gbt"));
        Map<String, String> row = Map.of("income", "18000", "负债率", "1.3", "age", "?", "segment", "D");
        double probability = gbt.predict(List.of(row))[0];
        double logOdds = gbt.contributions(row).values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(logOdds).isCloseTo(Math.log(probability / (1 - probability)), within(1e-4));
    }

    @Tag("slow")
    @Test
    void trainsOnTwoHundredThousandRows() throws IOException {
        Table big = write("big.csv", 200_000, 11, ',', "1", "0");
        ModelTraining.Trained trained = ModelTraining.train(big.file(), "status", null, Set.of(), dir.resolve("big"), 1, ModelTraining.Kind.SCORECARD);
        assertThat(trained.trainRows()).isEqualTo(160_000);
        assertThat(trained.holdout().auc()).isCloseTo(big.trueAuc(), within(0.02));
    }

    @Test
    void metricsBreakDownBySegment() throws IOException {
        Table train = write("seg.csv", 5_000, 10, ',', "1", "0");
        ModelTraining.train(train.file(), "status", null, Set.of(), dir.resolve("seg"), 1, ModelTraining.Kind.SCORECARD);
        ModelTraining.Evaluation e = ModelTraining.evaluate(dir.resolve("seg"), train.file(), "status", null, List.of("segment"));
        assertThat(e.segments().get("segment")).containsOnlyKeys("A", "B", "C", "D");
        assertThat(e.segments().get("segment").values().stream().mapToInt(Metrics::n).sum()).isEqualTo(e.overall().n());
        String json = GreenCreditJson.mapper().writeValueAsString(e);
        assertThat(json).startsWith("{\"n\":5000,\"positives\":").contains("\"segments\":{\"segment\":{\"A\":{\"n\":");
        assertThat(GreenCreditJson.mapper().writeValueAsString(new ModelTraining.Evaluation(e.overall(), Map.of())))
                .doesNotContain("segments");
    }

    @Test
    void aNumericColumnWithSomeJunkStaysNumeric() throws IOException {
        StringBuilder csv = new StringBuilder("amount,flag\n");
        SplittableRandom r = new SplittableRandom(12);
        for (int i = 0; i < 2_000; i++) {
            double amount = r.nextDouble() * 100;
            boolean bad = r.nextDouble() < amount / 150;
            csv.append(i % 10 == 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.2f", amount)).append(',').append(bad ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve("junk.csv");
        Files.writeString(file, csv);
        ModelTraining.train(file, "flag", null, Set.of(), dir.resolve("junk"), 1, ModelTraining.Kind.SCORECARD);
        Scorecard s = Scorecard.fromDirectory(dir.resolve("junk"));
        assertThat(s.property("positive")).isEqualTo("yes");
        assertThat(s.bins().get("amount")).anyMatch(b -> b.kind() == Bin.Kind.RANGE);
        assertThat(s.binOfRaw("amount", "unknown").kind()).isEqualTo(Bin.Kind.MISSING);
    }

    @Test
    void badInputsAreErrorsThatSayWhatToFix() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "a,b,y\n1,2,0\n3,4,1\n5,6\n7,8,1,9\n");
        assertThatThrownBy(() -> ModelTraining.train(file, "y", null, Set.of(), dir.resolve("x"), 1, ModelTraining.Kind.SCORECARD))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("2 row(s) do not have the 3 fields").hasMessageContaining("[4, 5]");
        Files.writeString(file, "a,b,y\n1,2,0\n3,4,1\n");
        assertThatThrownBy(() -> ModelTraining.train(file, "target", null, Set.of(), dir.resolve("x"), 1, ModelTraining.Kind.SCORECARD))
                .hasMessageContaining("no target column 'target'; the columns are [a, b, y]");
        Files.writeString(file, "a,y\n1,0\n2,0\n3,NA\n");
        assertThatThrownBy(() -> ModelTraining.train(file, "y", null, Set.of(), dir.resolve("x"), 1, ModelTraining.Kind.SCORECARD))
                .hasMessageContaining("has only the value '0'");
        Files.writeString(file, "a,y\n1,x\n2,z\n");
        assertThatThrownBy(() -> ModelTraining.train(file, "y", null, Set.of(), dir.resolve("x"), 1, ModelTraining.Kind.SCORECARD))
                .hasMessageContaining("name it with --positive");
        Files.writeString(file, "a,a,y\n1,2,0\n");
        assertThatThrownBy(() -> ModelTraining.train(file, "y", null, Set.of(), dir.resolve("x"), 1, ModelTraining.Kind.SCORECARD))
                .hasMessageContaining("'a' appears twice");
    }

    @Test
    void savedThenLoadedModelsPredictEveryRowAsTrained() throws IOException {
        // Probe finding 14: models were saved and loaded but never compared prediction for prediction.
        Table train = write("saved.csv", 4_000, 21, ',', "1", "0");
        TabularData table = TabularReader.read(train.file(), "status", null, Set.of());
        int[] all = java.util.stream.IntStream.range(0, table.rows()).toArray();

        TrainedGbt gbt = new GbtTrainer(5).train(table, all, "gbt-saved");
        gbt.save(dir.resolve("saved-gbt"));
        List<Map<String, String>> gbtRows = ModelTraining.rows(table, all, gbt.features());
        assertThat(TrainedGbt.load(dir.resolve("saved-gbt")).predict(gbtRows)).containsExactly(gbt.predict(gbtRows));

        Scorecard scorecard = new ScorecardTrainer(ScorecardTrainer.STANDARD_SCALING, 5).train(table, all, "scorecard-saved").scorecard();
        scorecard.save(dir.resolve("saved-scorecard"));
        Scorecard loaded = Scorecard.fromDirectory(dir.resolve("saved-scorecard"));
        List<Map<String, String>> rows = ModelTraining.rows(table, all, List.copyOf(scorecard.bins().keySet()));
        assertThat(rows.stream().mapToInt(loaded::scoreRow).toArray()).containsExactly(rows.stream().mapToInt(scorecard::scoreRow).toArray());
        assertThat(ModelTraining.predict(loaded, rows)).containsExactly(ModelTraining.predict(scorecard, rows));
    }
}
