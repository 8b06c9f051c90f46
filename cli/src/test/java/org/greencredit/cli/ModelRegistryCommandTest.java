package org.greencredit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.greencredit.core.rating.Rating;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.datasets.io.ReadRow;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.engine.output.RatingDecision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's registry workflow end to end through the command line: export the engine's features, train a gbt with
 * {@code model train}, drop it into a registry, make it the challenger, rate with {@code rate --models-dir}, compare.
 */
@Tag("slow")
class ModelRegistryCommandTest {
    @TempDir
    static Path dir;
    static Path registry;

    @BeforeAll
    static void trainAGbtIntoARegistry() {
        Path table = dir.resolve("features.csv");
        registry = dir.resolve("registry");
        assertThat(CommandLineRunner.run("model", "export-features", "--count", "2000", "--seed", "4", "--out", table.toString())).isZero();
        CommandLineRunner.output("model", "registry", "list", "--models-dir", registry.toString());
        assertThat(CommandLineRunner.run("model", "train", "--data", table.toString(), "--target", "defaulted", "--kind", "gbt",
                "--exclude", "province,section,sizeClass,thinFile,truePd", "--out", registry.resolve("gbt-bank").toString())).isZero();
    }

    @Test
    void aGbtTrainedByModelTrainRatesAsChallengerThroughRateAndCompare() throws Exception {
        assertThat(CommandLineRunner.run("model", "registry", "activate", "--models-dir", registry.toString(), "--champion", "gbt-bank"))
                .as("a gbt may not decide").isEqualTo(GreenCreditCli.EXIT_UNREADABLE);
        JsonNode active = GreenCreditJson.mapper().readTree(CommandLineRunner.output("model", "registry", "activate", "--models-dir",
                registry.toString(), "--challenger", "gbt-bank"));
        assertThat(active.get("active").get("challenger").asString()).isEqualTo("gbt-bank");
        String gbtVersion = active.get("versions").get(2).asString().substring("challenger:".length());
        assertThat(gbtVersion).startsWith("gbt-");

        Path requests = dir.resolve("requests.jsonl");
        Path full = dir.resolve("full.jsonl");
        Path decisions = dir.resolve("decisions.arrow");
        assertThat(CommandLineRunner.run("generate", "--count", "300", "--seed", "9", "--out", requests.toString())).isZero();
        assertThat(CommandLineRunner.run("rate", "--in", requests.toString(), "--out", full.toString(), "--models-dir", registry.toString(),
                "--quiet")).isZero();
        assertThat(CommandLineRunner.run("rate", "--in", requests.toString(), "--out", decisions.toString(), "--profile", "decision",
                "--models-dir", registry.toString(), "--quiet")).isZero();
        int challenged = 0;
        int rows = 0;
        try (RecordReader<Rating> ratings = RecordFormat.openReader(full, Rating.class);
             RecordReader<RatingDecision> decided = RecordFormat.openReader(decisions, RatingDecision.class)) {
            while (ratings.hasNext()) {
                Rating rating = ratings.next().value();
                ReadRow<RatingDecision> decision = decided.next();
                rows++;
                assertThat(rating.explanation().versions().models()).contains("challenger:" + gbtVersion);
                if (rating.credit().modelVersion().equals("scorecard-v1")) {
                    challenged++;
                    assertThat(rating.credit().challenger().modelVersion()).isEqualTo(gbtVersion);
                    assertThat(rating.credit().challenger().pd()).isBetween(0.0, 1.0);
                    assertThat(decision.value().challengerModelVersion()).isEqualTo(gbtVersion);
                    assertThat(decision.value().challengerPd()).isEqualTo(rating.credit().challenger().pd());
                } else {
                    assertThat(rating.credit().challenger()).as("a thin file scored by its own scorecard").isNull();
                }
            }
        }
        assertThat(rows).isEqualTo(300);
        assertThat(challenged).isGreaterThan(250);

        JsonNode report = GreenCreditJson.mapper().readTree(CommandLineRunner.output("model", "compare", "--models-dir", registry.toString(),
                "--count", "400", "--seed", "6"));
        assertThat(report.get("challengerVersion").asString()).isEqualTo(gbtVersion);
        // Generated firms bring no e-invoice ledger, so the champion scored every one of them and every one is compared.
        assertThat(report.get("overall").get("firms").asInt()).isEqualTo(400);
        assertThat(report.get("population").asString()).endsWith("; 0 thin-file firms left out");
        assertThat(report.get("overall").get("withOutcome").asInt()).isEqualTo(report.get("overall").get("firms").asInt());
        assertThat(report.get("dimensions").get(0).get("dimension").asString()).isEqualTo("region");
    }

    @Test
    void compareWithoutAChallengerSaysSo() throws Exception {
        Path shippedOnly = dir.resolve("shipped-only");
        CommandLineRunner.output("model", "registry", "list", "--models-dir", shippedOnly.toString());
        assertThat(Files.exists(shippedOnly.resolve("registry.properties"))).isTrue();
        assertThat(CommandLineRunner.run("model", "compare", "--models-dir", shippedOnly.toString(), "--count", "10"))
                .isEqualTo(GreenCreditCli.EXIT_UNREADABLE);
    }
}
