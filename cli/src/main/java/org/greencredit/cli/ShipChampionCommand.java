package org.greencredit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.datasets.io.RoundedNumber;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.reference.ReferenceTable;
import org.greencredit.datasets.synthetic.SyntheticLedgers;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.FeatureTable;
import org.greencredit.models.credit.FeatureInfo;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.drift.PopulationReference;
import org.greencredit.models.registry.EngineFeatures;
import org.greencredit.models.training.Metrics;
import org.greencredit.models.training.ModelTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Trains the engine's champion scorecard on a synthetic population, writes it in the engine's
 * points format with whole points, and measures it on an independent population against the
 * generating process itself. The shipped scorecard-v1 was made with the defaults.
 */
@Command(name = "ship-champion", mixinStandardHelpOptions = true,
        description = "Train the engine's champion scorecard on synthetic data and write it, with its model card, to a directory.")
final class ShipChampionCommand implements Callable<Integer> {
    private static final YearMonth LAST_MONTH = YearMonth.of(2025, 12);
    private static final int MONTHS = 24;

    /** The champion's card for tools: how it was trained and how it did beside the generating process on the test population. */
    record Card(String version, String kind, int trainCount, long trainSeed, int testCount, long testSeed, Metrics test,
                Metrics generatingProcess) {
    }

    /** What ship-champion printed. */
    record Shipped(String version, @JsonSerialize(using = RoundedNumber.Four.class) double testAuc,
                   @JsonSerialize(using = RoundedNumber.Four.class) double processAuc) {
    }

    @Option(names = "--count", defaultValue = "50000", description = "Training population (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the training population (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--test-count", defaultValue = "20000", description = "Independent test population (default ${DEFAULT-VALUE}).")
    int testCount;

    @Option(names = "--test-seed", defaultValue = "2", description = "Seed of the test population (default ${DEFAULT-VALUE}).")
    long testSeed;

    @Option(names = "--version", defaultValue = "scorecard-v1", description = "Version name (default ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--out", required = true, description = "Directory to write the scorecard to.")
    Path out;

    @Option(names = "--thin-file-ledgers", description = "Train the thin-file scorecard instead: every firm without its credit section "
            + "(no flows, debt or repayment history) and with its synthetic e-invoice ledger; features whose trained direction "
            + "contradicts their documented one are left out.")
    boolean thinFileLedgers;

    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory("greencredit-champion");
        try {
            return ship(work);
        } finally {
            // Two 50,000-row tables and a model: left behind, every run filled the temporary directory.
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private int ship(Path work) throws IOException {
        RatingEngine engine = RatingEngine.standard(Clock.systemUTC());
        Path train = work.resolve("train.csv");
        Path test = work.resolve("test.csv");
        FeatureTable.write(engine, population(seed), count, view(seed), train);
        FeatureTable.write(engine, population(testSeed), testCount, view(testSeed), test);
        Set<String> notFeatures = new LinkedHashSet<>(List.of("province", "section", "sizeClass", "thinFile", "truePd"));
        List<String> contrary = new ArrayList<>();
        ModelTraining.Trained trained;
        Scorecard trainedCard;
        while (true) {
            trained = ModelTraining.train(train, "defaulted", "1", notFeatures, work.resolve("model"), seed, ModelTraining.Kind.SCORECARD);
            trainedCard = Scorecard.fromDirectory(work.resolve("model"));
            List<String> against = thinFileLedgers ? againstDocumentedDirection(trainedCard) : List.of();
            if (against.isEmpty()) {
                break;
            }
            contrary.addAll(against);
            notFeatures.addAll(against);
        }
        String source = "trained by greencredit model ship-champion" + (thinFileLedgers ? " --thin-file-ledgers" : "") + " on " + count
                + " synthetic " + (thinFileLedgers ? "thin-file SMEs with e-invoice ledgers" : "SMEs") + " (seed " + seed + ")";
        trainedCard.relabelled(version, EngineFeatures.texts(trainedCard), source).save(out);
        // The Tribuo model behind the points, for its provenance (trainer, settings, data source, versions), and the training
        // population's distribution of every input and of the PD, which the relabelled points leave unchanged: drift's reference.
        for (String file : List.of(ModelTraining.TRIBUO_MODEL, PopulationReference.FILE)) {
            Files.copy(work.resolve("model").resolve(file), out.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        Scorecard champion = Scorecard.fromDirectory(out);
        List<Double> predicted = new ArrayList<>();
        List<Double> truth = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        for (Map<String, String> row : FeatureTable.read(test)) {
            predicted.add(champion.score(FeatureTable.numbers(row, champion.features().keySet())).pd());
            truth.add(Double.valueOf(row.get(FeatureTable.TRUE_PD)));
            outcomes.add(FeatureTable.defaulted(row));
        }
        boolean[] y = new boolean[outcomes.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = outcomes.get(i);
        }
        Metrics model = Metrics.of(predicted.stream().mapToDouble(Double::doubleValue).toArray(), y);
        Metrics process = Metrics.of(truth.stream().mapToDouble(Double::doubleValue).toArray(), y);
        String card = "# Model card: " + version + (thinFileLedgers ? " (credit scorecard for thin files with an e-invoice ledger)"
                : " (credit champion)") + "\n\n"
                + "- **Model**: points scorecard over " + champion.features().size() + " features with whole points per bin, trained by"
                + " `./greencredit model ship-champion --count " + count + " --seed " + seed + " --test-count " + testCount + " --test-seed "
                + testSeed + (thinFileLedgers ? " --thin-file-ledgers --version " + version : "")
                + " --out DIR`: monotone WoE bins, Tribuo logistic regression, 600 points at 50:1, 20 points to double the odds.\n"
                + "- **Training data**: " + count + " synthetic SMEs and farms (`SyntheticPopulation`, seed " + seed + "), outcome drawn from"
                + " `DefaultProcess`; features as the engine computes them (`CreditFeatureExtractor`, carbon stage"
                + (thinFileLedgers ? "; every request without its credit section and with its ledger from `SyntheticLedgers`, features from"
                        + " `LedgerFeatures`" : "") + ").\n"
                + "- **Features**: " + String.join(", ", champion.features().keySet()) + ". Set aside for too little information value: "
                + trained.ignoredColumns() + (contrary.isEmpty() ? "" : "; left out because training gave them the direction opposite to"
                        + " their documented one: " + contrary) + ".\n"
                + "- **Independent test** (" + testCount + " SMEs, seed " + testSeed + "): AUC " + f(model.auc()) + " against "
                + f(process.auc()) + " for the generating process's own PD (gap " + f(process.auc() - model.auc()) + "); KS " + f(model.ks())
                + ", Brier " + f(model.brier()) + " (process " + f(process.brier()) + ").\n"
                + "- **Provenance**: `" + ModelTraining.TRIBUO_MODEL + "` beside this card is the Tribuo logistic regression the points"
                + " were computed from, with its full Tribuo provenance.\n"
                + "- **Intended use**: the engine's PD for ratings; contributions are the points, exact.\n"
                + "- **Limitations**: trained on synthetic data calibrated on published facts, not on a bank's book; the generating"
                + " process uses a latent green propensity the model can only see through behaviours. Retrain on real outcomes"
                + " before lending on it.\n\n## Calibration on the test population\n\n| n | mean predicted | observed |\n|---|---|---|\n"
                + String.join("\n", model.calibration().stream().map(c -> "| " + c.n() + " | " + f(c.meanPredicted()) + " | " + f(c.observed()) + " |").toList())
                + "\n";
        Files.writeString(out.resolve("model-card.md"), card, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("model-card.json"), GreenCreditJson.mapper().writeValueAsString(
                new Card(version, "scorecard", count, seed, testCount, testSeed, model, process)) + "\n", StandardCharsets.UTF_8);
        JsonOutput.print(new Shipped(version, model.auc(), process.auc()));
        return 0;
    }

    /** What the bank knows of each SME: its request, or for the thin-file scorecard its request without credit and with its ledger. */
    private Function<SyntheticSme, RatingRequest> view(long populationSeed) {
        if (!thinFileLedgers) {
            return SyntheticSme::request;
        }
        SyntheticLedgers ledgers = new SyntheticLedgers(populationSeed, LAST_MONTH, MONTHS);
        return sme -> sme.request().withCredit(null).withInvoices(ledgers.generate(sme));
    }

    /**
     * Trained features whose better side contradicts the documented one (scorecard-v1's for request features,
     * ledger_features.csv for ledger ones): a reason such a feature gave would tell the firm the opposite of what lenders hold.
     */
    private static List<String> againstDocumentedDirection(Scorecard trained) {
        Map<String, Boolean> documented = new LinkedHashMap<>();
        for (FeatureInfo f : Scorecard.shipped("scorecard-v1").features().values()) {
            documented.put(f.feature(), f.higherIsBetter());
        }
        for (ReferenceTable.Row r : ReferenceTable.load("ledger_features.csv", "feature", "better").rows()) {
            documented.put(r.text("feature"), "higher".equals(r.text("better")));
        }
        List<String> against = new ArrayList<>();
        for (FeatureInfo f : trained.features().values()) {
            Boolean higher = documented.get(f.feature());
            if (higher != null && higher != f.higherIsBetter()) {
                against.add(f.feature());
            }
        }
        return against;
    }

    private static SyntheticPopulation population(long seed) {
        return new SyntheticPopulation(seed, LAST_MONTH, MONTHS, ReferenceData.shipped());
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }
}
