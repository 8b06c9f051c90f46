package org.greencredit.models.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.greencredit.models.training.ModelTraining;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    @TempDir
    static Path shared;
    /** Models trained once by {@code model train}'s own code: a gbt and a scorecard on engine features, a scorecard reading a branch. */
    static Path gbt;
    static Path scorecard;
    static Path branchScorecard;

    @TempDir
    Path dir;

    /**
     * Loans whose default odds rise with leverage (a logistic process, so that a model that learned anything gives a
     * higher PD to a higher leverage), and with a branch column whose first branch defaults more: a scorecard keeps it.
     */
    @BeforeAll
    static void trainModels() throws IOException {
        StringBuilder csv = new StringBuilder("leverage,maxPastDueDays,branch,defaulted\n");
        Random random = new Random(5);
        for (int i = 0; i < 1_500; i++) {
            double leverage = random.nextDouble() * 2;
            int pastDue = random.nextInt(4) * 30;
            int branch = random.nextInt(3);
            double p = 1 / (1 + Math.exp(-(-3.5 + 2.0 * leverage + pastDue / 45.0 + (branch == 0 ? 1.5 : 0))));
            csv.append(String.format(Locale.ROOT, "%.4f,%d,B%d,%d%n", leverage, pastDue, branch, random.nextDouble() < p ? 1 : 0));
        }
        Path data = shared.resolve("loans.csv");
        Files.writeString(data, csv);
        gbt = shared.resolve("trained/gbt-bank");
        scorecard = shared.resolve("trained/scorecard-bank");
        branchScorecard = shared.resolve("trained/scorecard-branch");
        ModelTraining.train(data, "defaulted", "1", Set.of("branch"), gbt, 42, ModelTraining.Kind.GBT);
        ModelTraining.train(data, "defaulted", "1", Set.of("branch"), scorecard, 42, ModelTraining.Kind.SCORECARD);
        ModelTraining.train(data, "defaulted", "1", Set.of(), branchScorecard, 42, ModelTraining.Kind.SCORECARD);
    }

    private Path registryWith(Path... models) throws IOException {
        Path registry = dir.resolve("registry");
        ModelRegistry.open(registry);
        for (Path model : models) {
            copy(model, registry.resolve(model.getFileName()));
        }
        return registry;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void anEmptyDirectoryStartsAsTheShippedModelsWithoutChallenger() throws IOException {
        Path registry = dir.resolve("new");
        ModelRegistry opened = ModelRegistry.open(registry);
        assertEquals(new ModelRegistry.Active("scorecard-v1", "scorecard-thin-v1", null), opened.active());
        CreditModels models = opened.load();
        assertEquals("scorecard-v1", models.champion().version());
        assertEquals("scorecard-thin-v1", models.thinFile().version());
        assertNull(models.challenger());
        assertEquals(List.of("scorecard-v1", "scorecard-thin-v1"), models.versions());
        try (InputStream shipped = getClass().getResourceAsStream("/models/credit/scorecard-v1/scorecard.csv")) {
            assertArrayEquals(shipped.readAllBytes(), Files.readAllBytes(registry.resolve("scorecard-v1/scorecard.csv")));
        }
    }

    @Test
    void aGbtTrainedOnEngineFeaturesRunsAsChallengerAndGivesHigherLeverageTheHigherPd() throws IOException {
        ModelRegistry registry = ModelRegistry.open(registryWith(gbt));
        CreditModels models = registry.activate(new ModelRegistry.Active("scorecard-v1", "scorecard-thin-v1", "gbt-bank"));
        ChallengerModel challenger = models.challenger();
        assertEquals("gbt", challenger.kind());
        assertTrue(challenger.version().startsWith("gbt-"), challenger.version());
        assertEquals(List.of("scorecard-v1", "scorecard-thin-v1", "challenger:" + challenger.version()), models.versions());
        Map<String, Double> low = new HashMap<>(Map.of("leverage", 0.1, "maxPastDueDays", 0.0));
        Map<String, Double> high = new HashMap<>(Map.of("leverage", 1.9, "maxPastDueDays", 0.0));
        double[] pd = challenger.pd(List.of(low, high));
        assertTrue(pd[1] > pd[0], "PD at leverage 1.9 " + pd[1] + " should exceed PD at 0.1 " + pd[0]);
        assertEquals(new ModelRegistry.Active("scorecard-v1", "scorecard-thin-v1", "gbt-bank"), ModelRegistry.open(registry.dir()).active());
    }

    @Test
    void aScorecardTrainedOnEngineFeaturesMayBeChampionAndSpeaksWithTheEngineTexts() throws IOException {
        ModelRegistry registry = ModelRegistry.open(registryWith(scorecard));
        CreditModels models = registry.activate(new ModelRegistry.Active("scorecard-bank", "scorecard-thin-v1", null));
        // feature_texts.csv's row for leverage, not model train's column name.
        assertEquals("负债与年流入之比", models.champion().features().get("leverage").nameZh());
        assertEquals("Existing debt is high relative to business inflows", models.champion().features().get("leverage").reasonEn());
    }

    @Test
    void aGbtCannotBeChampionAndTheActiveModelsStayAsTheyWere() throws IOException {
        Path registry = registryWith(gbt);
        byte[] before = Files.readAllBytes(registry.resolve(ModelRegistry.ACTIVE_FILE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelRegistry.open(registry).activate(new ModelRegistry.Active("gbt-bank", "scorecard-thin-v1", null)));
        assertTrue(e.getMessage().contains("champion gbt-bank is a gbt model"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(registry.resolve(ModelRegistry.ACTIVE_FILE)));
    }

    @Test
    void aModelReadingAColumnARatingDoesNotComputeIsRefusedByName() throws IOException {
        ModelRegistry registry = ModelRegistry.open(registryWith(branchScorecard));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.activate(new ModelRegistry.Active("scorecard-v1", "scorecard-thin-v1", "scorecard-branch")));
        assertTrue(e.getMessage().contains("challenger scorecard-branch reads [branch]"), e.getMessage());
        ModelRegistry.Entry entry = registry.models().stream().filter(m -> m.name().equals("scorecard-branch")).findFirst().orElseThrow();
        assertFalse(entry.championable());
        assertEquals("reads [branch], which a rating does not compute", entry.problem());
    }

    @Test
    void aChallengerWithTheChampionsVersionIsRefused() throws IOException {
        Path registry = registryWith();
        copy(registry.resolve("scorecard-v1"), registry.resolve("scorecard-v1-copy"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelRegistry.open(registry).activate(new ModelRegistry.Active("scorecard-v1", "scorecard-thin-v1", "scorecard-v1-copy")));
        assertTrue(e.getMessage().contains("a model cannot challenge itself"), e.getMessage());
    }

    @Test
    void namesThatAreNotModelsOfTheRegistryAreRefused() throws IOException {
        ModelRegistry registry = ModelRegistry.open(registryWith());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> registry.activate(new ModelRegistry.Active("../scorecard-v1", "scorecard-thin-v1", null)));
        assertTrue(outside.getMessage().contains("champion '../scorecard-v1' is not a model directory name"), outside.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> registry.activate(new ModelRegistry.Active("scorecard-v1", "scorecard-thin-v1", "nosuch")));
        assertTrue(missing.getMessage().contains("challenger 'nosuch' is not a model of the registry"), missing.getMessage());
    }

    @Test
    void aDirectoryWithFilesButNoActiveFileIsRefusedRatherThanTakenOver() throws IOException {
        Path notARegistry = dir.resolve("other");
        Files.createDirectories(notARegistry);
        Files.writeString(notARegistry.resolve("notes.txt"), "not models");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRegistry.open(notARegistry));
        assertTrue(e.getMessage().contains("has no registry.properties"), e.getMessage());
        assertFalse(Files.exists(notARegistry.resolve("scorecard-v1")));
    }

    @Test
    void anActiveFileWithoutAChampionIsRefusedNamingTheKeys() throws IOException {
        Path registry = registryWith();
        Files.writeString(registry.resolve(ModelRegistry.ACTIVE_FILE), "thinFile=scorecard-thin-v1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRegistry.open(registry).load());
        assertTrue(e.getMessage().contains("'champion' and 'thinFile' must name model directories"), e.getMessage());
    }
}
