package org.greencredit.engine.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.Plot;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.io.RecordWriter;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.batch.BatchRunner;
import org.greencredit.models.crop.CropEstimator;
import org.greencredit.models.crop.YieldModel;
import org.greencredit.models.series.SeriesClassifier;
import org.greencredit.rules.engine.RuleEvaluator;
import org.greencredit.rules.engine.Ruleset;
import org.greencredit.rules.facts.GreenFacts;
import org.greencredit.rules.facts.PolicyFacts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures what pipelines care about: the latency of one rating on a warm engine (p50, p99)
 * and the throughput of a batch from a file to a file. Prints one JSON object.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed: ratings (latency, batch), carbon accounts, rule evaluations or model predictions (--target).")
final class BenchCommand implements Callable<Integer> {
    private static final int PLOT_BATCH = 256;

    @Option(names = "--count", defaultValue = "20000", description = "Requests per measurement (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the generated requests (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "jsonl", description = "Batch file format: jsonl, csv, arrow (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--target", defaultValue = "rating",
            description = "rating: latency and batch throughput of full ratings; carbon: accounts per second of 12-month"
                    + " carbon accounts; rules: green plus policy rule evaluations per second; models: credit predictions with"
                    + " explanations per second, champion and challenger; plots: the full plot pipeline per plot.")
    String target;

    @Override
    public Integer call() throws IOException {
        if ("carbon".equals(target)) {
            System.out.println(carbonAccounts());
            return 0;
        }
        if ("rules".equals(target)) {
            System.out.println(ruleEvaluations());
            return 0;
        }
        if ("models".equals(target)) {
            System.out.println(modelPredictions());
            return 0;
        }
        if ("plots".equals(target)) {
            System.out.println(plots());
            return 0;
        }
        if (!"rating".equals(target)) {
            throw new IllegalArgumentException("--target must be rating, carbon, rules, models or plots, got '" + target + "'");
        }
        RatingEngine engine = RatingEngine.standard(Clock.systemUTC());
        SyntheticPopulation population = new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped());
        List<RatingRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(population.generate(i).request());
        }
        for (int round = 0; round < 3; round++) {
            for (RatingRequest r : requests.subList(0, Math.min(count, 5_000))) {
                engine.rate(r);
            }
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            engine.rate(requests.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);

        Path dir = Files.createTempDirectory("greencredit-bench");
        Path in = dir.resolve("requests." + format);
        Path out = dir.resolve("ratings." + format);
        Path rejects = dir.resolve("rejects.jsonl");
        try {
            try (RecordWriter<RatingRequest> w = RecordFormat.openWriter(in, RatingRequest.class)) {
                requests.forEach(w::write);
            }
            int threads = Runtime.getRuntime().availableProcessors();
            long start = System.nanoTime();
            BatchRunner.Summary summary;
            try (RecordReader<RatingRequest> reader = RecordFormat.openReader(in, RatingRequest.class);
                 RecordWriter<Rating> writer = RecordFormat.openWriter(out, Rating.class);
                 RecordWriter<BatchRunner.Rejected> rejected = RecordFormat.openWriter(rejects, BatchRunner.Rejected.class)) {
                summary = BatchRunner.rating(engine, threads).run(reader, writer, rejected);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "{\"processors\":%d,\"count\":%d,\"singleP50Micros\":%.1f,\"singleP99Micros\":%.1f,"
                            + "\"singlePerSecond\":%.0f,\"batchFormat\":\"%s\",\"batchThreads\":%d,\"batchRated\":%d,\"batchRejected\":%d,"
                            + "\"batchSeconds\":%.2f,\"batchPerSecond\":%.0f}%n",
                    threads, count, nanos[count / 2] / 1e3, nanos[(int) (count * 0.99)] / 1e3,
                    count / (Arrays.stream(nanos).sum() / 1e9), format, threads, summary.rated(), summary.rejected(), seconds,
                    summary.rated() / seconds);
        } finally {
            for (Path p : List.of(in, out, rejects, dir)) {
                deleteQuietly(p);
            }
        }
        return 0;
    }

    /**
     * Accounts per second of the carbon stage alone (accounting, trend, distortion checks, level)
     * on 12-month accounts, one thread and all threads, after warm-up.
     */
    private String carbonAccounts() {
        RatingEngine engine = RatingEngine.standard(Clock.systemUTC());
        SyntheticPopulation population = new SyntheticPopulation(seed, YearMonth.of(2025, 12), 12, ReferenceData.shipped());
        List<RatingRequest> accounts = new ArrayList<>(count);
        for (int i = 0; accounts.size() < count; i++) {
            RatingRequest r = population.generate(i).request();
            if (r.carbonAccount() != null) {
                accounts.add(r);
            }
        }
        double lines = accounts.stream().mapToInt(r -> r.carbonAccount().lines().size()).average().orElse(0);
        for (int round = 0; round < 3; round++) {
            accounts.forEach(engine::carbonAccountOnly);
        }
        long start = System.nanoTime();
        accounts.forEach(engine::carbonAccountOnly);
        double single = count / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        accounts.parallelStream().forEach(engine::carbonAccountOnly);
        double parallel = count / ((System.nanoTime() - start) / 1e9);
        return String.format(Locale.ROOT, "{\"target\":\"carbon\",\"processors\":%d,\"accounts\":%d,\"meanLines\":%.1f,"
                + "\"accountsPerSecondOneThread\":%.0f,\"accountsPerSecondAllThreads\":%.0f,\"linesPerSecondAllThreads\":%.0f}",
                Runtime.getRuntime().availableProcessors(), count, lines, single, parallel, parallel * lines);
    }

    /**
     * Credit predictions with their explanations per second: the champion scorecard one applicant
     * at a time (score, PD, grade and the points of every feature), and the boosted challenger in
     * batches (probabilities plus TreeSHAP contributions), trained here on a synthetic export.
     */
    private String modelPredictions() throws IOException {
        RatingEngine engine = RatingEngine.standard(Clock.systemUTC());
        Path dir = Files.createTempDirectory("greencredit-bench-models");
        Path table = dir.resolve("features.csv");
        ExportFeaturesCommand.write(engine, new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped()), count, table);
        org.greencredit.models.credit.Scorecard champion = org.greencredit.models.credit.Scorecard.shipped("scorecard-v1");
        List<java.util.Map<String, String>> raw = ExportFeaturesCommand.read(table);
        List<java.util.Map<String, Double>> numeric = new ArrayList<>(raw.size());
        raw.forEach(row -> numeric.add(ExportFeaturesCommand.numbers(row, champion.features().keySet())));
        for (int round = 0; round < 3; round++) {
            numeric.forEach(champion::score);
        }
        long start = System.nanoTime();
        numeric.forEach(champion::score);
        double scorecardPerSecond = count / ((System.nanoTime() - start) / 1e9);

        org.greencredit.models.training.ModelTraining.train(table, "defaulted", "1",
                Set.of("province", "section", "sizeClass", "thinFile", "truePd"), dir.resolve("gbt"), seed,
                org.greencredit.models.training.ModelTraining.Kind.GBT);
        java.util.Properties properties = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(dir.resolve("gbt/model.properties"))) {
            properties.load(in);
        }
        org.greencredit.models.training.TrainedGbt gbt = org.greencredit.models.training.TrainedGbt.load(dir.resolve("gbt"), properties);
        gbt.predict(raw.subList(0, Math.min(1_000, count)));
        start = System.nanoTime();
        for (int from = 0; from < count; from += 10_000) {
            List<java.util.Map<String, String>> batch = raw.subList(from, Math.min(count, from + 10_000));
            gbt.predict(batch);
            gbt.contributions(batch);
        }
        double gbtPerSecond = count / ((System.nanoTime() - start) / 1e9);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(BenchCommand::deleteQuietly);
        }
        return String.format(Locale.ROOT, "{\"target\":\"models\",\"processors\":%d,\"predictions\":%d,"
                + "\"scorecardWithContributionsPerSecond\":%.0f,\"gbtWithTreeShapPerSecondInBatchesOf10000\":%.0f}",
                Runtime.getRuntime().availableProcessors(), count, scorecardPerSecond, gbtPerSecond);
    }

    /**
     * Plots per second through the whole plot pipeline (area, crop recognition, season and stage,
     * yield, value, cross-checks): one call per farm, as in ratings, and in batches as a pipeline
     * would send them; each on one thread and on all.
     */
    private String plots() {
        CropEstimator estimator = new CropEstimator(ReferenceData.shipped(), SeriesClassifier.shipped("crop-xgb-v1"),
                SeriesClassifier.shipped("crop-xgb-early-v1"), YieldModel.shipped("yield-v1"));
        SyntheticPopulation population = new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped());
        List<List<Plot>> farms = new ArrayList<>();
        int total = 0;
        for (long i = 0; total < count; i++) {
            RatingRequest r = population.generate(i).request();
            if (r.hasPlots()) {
                farms.add(r.plots());
                total += r.plots().size();
            }
        }
        List<List<Plot>> batches = new ArrayList<>();
        List<Plot> all = farms.stream().flatMap(List::stream).toList();
        for (int from = 0; from < all.size(); from += PLOT_BATCH) {
            batches.add(all.subList(from, Math.min(all.size(), from + PLOT_BATCH)));
        }
        farms.subList(0, Math.min(500, farms.size())).forEach(estimator::estimate);
        double perFarm = plotsPerSecond(total, () -> farms.forEach(estimator::estimate));
        double perFarmParallel = plotsPerSecond(total, () -> farms.parallelStream().forEach(estimator::estimate));
        double batched = plotsPerSecond(total, () -> batches.forEach(estimator::estimate));
        double batchedParallel = plotsPerSecond(total, () -> batches.parallelStream().forEach(estimator::estimate));
        return String.format(Locale.ROOT, "{\"target\":\"plots\",\"processors\":%d,\"plots\":%d,\"farms\":%d,"
                + "\"plotsPerSecondOneCallPerFarmOneThread\":%.0f,\"plotsPerSecondOneCallPerFarmAllThreads\":%.0f,"
                + "\"plotsPerSecondInBatchesOf%dOneThread\":%.0f,\"plotsPerSecondInBatchesOf%dAllThreads\":%.0f}",
                Runtime.getRuntime().availableProcessors(), total, farms.size(), perFarm, perFarmParallel, PLOT_BATCH, batched, PLOT_BATCH,
                batchedParallel);
    }

    private static double plotsPerSecond(int plots, Runnable run) {
        long start = System.nanoTime();
        run.run();
        return plots / ((System.nanoTime() - start) / 1e9);
    }

    /** Full green plus policy evaluations per second (two stateless Drools sessions each), on seeded random facts. */
    private String ruleEvaluations() {
        RuleEvaluator rules = new RuleEvaluator(Ruleset.shipped());
        ReferenceData reference = ReferenceData.shipped();
        SplittableRandom random = new SplittableRandom(seed);
        List<GreenFacts> green = new ArrayList<>(count);
        List<PolicyFacts> policy = new ArrayList<>(count);
        List<String> certifications = List.of("ISO14001", "CHINA_ENVIRONMENTAL_LABEL", "GREEN_FACTORY");
        for (int i = 0; i < count; i++) {
            double k = 0.2 + 3 * random.nextDouble();
            int level = reference.efficiencyLevelOf(k);
            green.add(new GreenFacts(String.format(Locale.ROOT, "%02d", 13 + random.nextInt(30)), level, k, 0.1 * random.nextDouble() - 0.07,
                    random.nextDouble(), random.nextInt(10) == 0 ? 1 : 0, random.nextDouble(), random.nextDouble(), random.nextDouble(),
                    random.nextDouble() * 0.3, random.nextBoolean(), Set.of(certifications.get(random.nextInt(3))), true,
                    random.nextInt(50) == 0 ? 1 : 0));
            policy.add(new PolicyFacts(random.nextDouble() * 0.3, "B", "LIGHT_GREEN", random.nextInt(100), false, random.nextInt(10) == 0 ? 1 : 0,
                    random.nextInt(20) != 0, random.nextInt(5) == 0 ? random.nextInt(120) : 0, 50_000 + 500_000 * random.nextDouble(),
                    100_000 + 900_000 * random.nextDouble(), 12, random.nextBoolean() ? "GREEN_UPGRADE" : "WORKING_CAPITAL", false, null, false));
        }
        java.util.function.IntConsumer evaluate = i -> {
            rules.evaluateGreen(green.get(i));
            rules.evaluatePolicy(policy.get(i));
        };
        for (int round = 0; round < 3; round++) {
            java.util.stream.IntStream.range(0, count).forEach(evaluate);
        }
        long start = System.nanoTime();
        java.util.stream.IntStream.range(0, count).forEach(evaluate);
        double single = count / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        java.util.stream.IntStream.range(0, count).parallel().forEach(evaluate);
        double parallel = count / ((System.nanoTime() - start) / 1e9);
        return String.format(Locale.ROOT, "{\"target\":\"rules\",\"processors\":%d,\"evaluations\":%d,\"ruleset\":\"%s\","
                + "\"evaluationsPerSecondOneThread\":%.0f,\"evaluationsPerSecondAllThreads\":%.0f}",
                Runtime.getRuntime().availableProcessors(), count, rules.ruleset().version(), single, parallel);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
