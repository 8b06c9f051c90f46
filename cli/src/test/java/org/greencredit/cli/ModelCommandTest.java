package org.greencredit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model train, cross-validate, drift and reference as a user runs them. */
class ModelCommandTest {
    @TempDir
    Path dir;

    /** logit(bad) = -2 + 2 ratio; ratio uniform on (shift, shift + 1). */
    private Path table(String name, int n, long seed, double shift) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("ratio,sector,bad\n");
        for (int i = 0; i < n; i++) {
            double ratio = shift + r.nextDouble();
            boolean bad = r.nextDouble() < 1 / (1 + Math.exp(-(-2 + 2 * ratio)));
            csv.append(String.format(Locale.ROOT, "%.4f", ratio)).append(',').append("ABC".charAt(r.nextInt(3))).append(',')
                    .append(bad ? "yes" : "no").append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void aTrainedModelWatchesForDriftAndFailsThePipelineOnAnAlertWhenAsked() throws IOException {
        Path training = table("train.csv", 3_000, 1, 0);
        Path model = dir.resolve("model");
        assertThat(CommandLineRunner.run("model", "train", "--data", training.toString(), "--target", "bad", "--out", model.toString())).isZero();
        assertThat(model.resolve("reference.csv")).exists();

        String same = CommandLineRunner.output("model", "drift", "--model", model.toString(), "--data", training.toString(), "--fail-on-alert");
        assertThat(same).contains("\"rows\":3000", "\"alerts\":[]", "\"variable\":\"ratio\",\"psi\":0.000000,\"level\":\"STABLE\"");

        Path shifted = table("shifted.csv", 3_000, 2, 0.7);
        assertThat(CommandLineRunner.run("model", "drift", "--model", model.toString(), "--data", shifted.toString(), "--fail-on-alert"))
                .isEqualTo(ModelCommand.EXIT_DRIFT_ALERT);
        assertThat(CommandLineRunner.run("model", "drift", "--model", model.toString(), "--data", shifted.toString())).isZero();
    }

    @Test
    void aModelWithoutReferenceGetsOneFromItsTrainingTable() throws IOException {
        Path training = table("t.csv", 2_000, 3, 0);
        Path model = dir.resolve("m");
        assertThat(CommandLineRunner.run("model", "train", "--data", training.toString(), "--target", "bad", "--kind", "gbt", "--out",
                model.toString())).isZero();
        Files.delete(model.resolve("reference.csv"));
        assertThat(CommandLineRunner.run("model", "drift", "--model", model.toString(), "--data", training.toString()))
                .isEqualTo(GreenCreditCli.EXIT_UNREADABLE);
        assertThat(CommandLineRunner.output("model", "reference", "--model", model.toString(), "--data", training.toString()))
                .contains("\"variables\":[\"ratio\",\"sector\",\"(score)\"]");
        assertThat(CommandLineRunner.output("model", "drift", "--model", model.toString(), "--data", training.toString()))
                .contains("\"alerts\":[]");
    }

    @Test
    void crossValidationPrintsEveryFoldAndRefusesOneFold() throws IOException {
        Path training = table("cv.csv", 1_000, 4, 0);
        String out = CommandLineRunner.output("model", "cross-validate", "--data", training.toString(), "--target", "bad", "--folds", "4");
        assertThat(out).contains("\"kind\":\"SCORECARD\"", "\"rows\":1000", "\"fold\":4", "\"meanAuc\":").doesNotContain("\"fold\":5");
        assertThat(CommandLineRunner.run("model", "cross-validate", "--data", training.toString(), "--target", "bad", "--folds", "1"))
                .isEqualTo(GreenCreditCli.EXIT_UNREADABLE);
        assertThat(CommandLineRunner.run("model", "cross-validate", "--data", training.toString(), "--target", "bad", "--kind", "forest"))
                .isEqualTo(GreenCreditCli.EXIT_UNREADABLE);
    }

    @Test
    void fairnessRatesAFileReportsItsGroupsAndSaysWhichRowsItCouldNotRate() throws IOException {
        Path requests = dir.resolve("requests.jsonl");
        assertThat(CommandLineRunner.run("generate", "--count", "40", "--seed", "3", "--out", requests.toString())).isZero();
        Files.writeString(requests, "{\"sme\":{\"id\":\"BAD\"}}\n", java.nio.file.StandardOpenOption.APPEND);
        StringBuilder outcomes = new StringBuilder("smeId,defaulted\n");
        for (int i = 0; i < 40; i++) {
            outcomes.append(String.format(Locale.ROOT, "SYN%015d,%d%n", i, i % 10 == 0 ? 1 : 0));
        }
        Path outcomesFile = dir.resolve("outcomes.csv");
        Files.writeString(outcomesFile, outcomes);

        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        int code;
        try (java.io.PrintStream out = new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setOut(out);
            code = CommandLineRunner.run("model", "fairness", "--in", requests.toString(), "--outcomes", outcomesFile.toString());
        } finally {
            System.setOut(original);
        }
        assertThat(code).isEqualTo(GreenCreditCli.EXIT_SOME_REJECTED);
        String report = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        // 40 rated, the 41st rejected; 4 of the 40 defaulted, and every firm is in one group of each dimension.
        assertThat(report).contains("\"firms\":40", "\"dimension\":\"region\"", "\"dimension\":\"sizeClass\"", "\"dimension\":\"thinFile\"",
                "\"dimension\":\"farm\"", "\"approvalRatioBound\":0.8");
        tools.jackson.databind.JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(report);
        for (tools.jackson.databind.JsonNode dimension : json.get("dimensions")) {
            int firms = 0;
            int withOutcome = 0;
            for (tools.jackson.databind.JsonNode group : dimension.get("groups")) {
                firms += group.get("firms").asInt();
                withOutcome += group.get("withOutcome").asInt();
            }
            assertThat(firms).as(dimension.get("dimension").asString()).isEqualTo(40);
            assertThat(withOutcome).isEqualTo(40);
        }
    }
}
