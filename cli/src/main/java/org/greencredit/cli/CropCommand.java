package org.greencredit.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.greencredit.datasets.io.RoundedNumber;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.PhenologyGenerator;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.DeclarationReport;
import org.greencredit.models.crop.Phenology;
import org.greencredit.models.crop.YieldEvaluation;
import org.greencredit.models.crop.YieldModel;
import org.greencredit.models.series.ClassificationMetrics;
import org.greencredit.models.series.LabelledSeries;
import org.greencredit.models.series.ProbabilityMetrics;
import org.greencredit.models.series.SeriesClassifier;
import org.greencredit.models.series.SeriesReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.annotation.JsonSerialize;

@Command(name = "crop", mixinStandardHelpOptions = true,
        subcommands = {CropCommand.Train.class, CropCommand.Evaluate.class, CropCommand.Calibrate.class, CropCommand.Generate.class,
                CropCommand.TrainYield.class, CropCommand.EvaluateYield.class, CropCommand.DeclarationReportCommand.class},
        description = "Crop classification and yield from labelled series: one series per line, label first (for yield: the crop,"
                + " then the yield in kg per mu), then equally spaced values (tab-, comma- or space-separated, no header).")
final class CropCommand {

    /** What crop train printed: series trained on, their length, classes, and where the model went. */
    record Trained(int trained, int length, int classes, String learner, String out) {
    }

    @Command(name = "train", mixinStandardHelpOptions = true, description = "Train a series classifier and write it to a directory.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "Labelled series.")
        Path data;

        @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, description = "Model directory.")
        Path out;

        @Option(names = "--learner", defaultValue = "auto", description = "auto (default): try phenology features with XGBoost and"
                + " MiniRocket features with a logistic regression, keep the one with the lower log loss on a held-out fifth; or"
                + " PHENOLOGY_TREES or MINIROCKET_LOGISTIC to train that one.")
        String learner;

        @Override
        public Integer call() {
            LabelledSeries series = SeriesReader.read(data);
            SeriesClassifier trained = learner.equals("auto") ? SeriesClassifier.train(series, seed)
                    : SeriesClassifier.train(series, learnerNamed(learner), seed);
            trained.save(out);
            JsonOutput.print(new Trained(series.size(), series.length(), new TreeSet<>(series.labels()).size(), trained.learner(), out.toString()));
            return 0;
        }
    }

    private static SeriesClassifier.Learner learnerNamed(String name) {
        try {
            return SeriesClassifier.Learner.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--learner must be auto, PHENOLOGY_TREES or MINIROCKET_LOGISTIC, got '" + name + "'");
        }
    }

    /** The classification metrics with the probability metrics beside them. */
    record Evaluation(@JsonUnwrapped ClassificationMetrics metrics, ProbabilityMetrics probabilities) {
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Evaluate a series classifier; prints accuracy, macroF1, n and the confusion matrix as JSON.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "Model directory written by crop train.")
        Path model;

        @Option(names = "--data", required = true, description = "Labelled series.")
        Path data;

        @Override
        public Integer call() {
            SeriesClassifier classifier = SeriesClassifier.load(model);
            LabelledSeries series = SeriesReader.read(data, classifier.length());
            List<SeriesClassifier.Result> results = classifier.predict(series.values());
            JsonOutput.print(new Evaluation(ClassificationMetrics.of(series.labels(), results.stream().map(SeriesClassifier.Result::label).toList()),
                    ProbabilityMetrics.of(series.labels(), results.stream().map(SeriesClassifier.Result::probabilities).toList())));
            return 0;
        }
    }

    /** The fitted temperature and the probability metrics before and after it. */
    record Calibration(@JsonSerialize(using = RoundedNumber.Six.class) double temperature, ProbabilityMetrics before,
                       ProbabilityMetrics after) {
    }

    @Command(name = "calibrate", mixinStandardHelpOptions = true,
            description = "Fit a classifier's softmax temperature to held-out labelled series (temperature scaling) and write it into"
                    + " the model directory; prints log loss and calibration error before and after as JSON.")
    static final class Calibrate implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "Model directory written by crop train.")
        Path model;

        @Option(names = "--data", required = true, description = "Labelled series the model was not trained on.")
        Path data;

        @Override
        public Integer call() {
            SeriesClassifier before = SeriesClassifier.load(model);
            LabelledSeries series = SeriesReader.read(data, before.length());
            SeriesClassifier after = before.calibrated(series);
            after.saveTemperature(model);
            JsonOutput.print(new Calibration(after.temperature(), probabilities(before, series), probabilities(after, series)));
            return 0;
        }

        private static ProbabilityMetrics probabilities(SeriesClassifier classifier, LabelledSeries series) {
            return ProbabilityMetrics.of(series.labels(), classifier.predict(series.values()).stream()
                    .map(SeriesClassifier.Result::probabilities).toList());
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write seeded synthetic NDVI series of the 15 crops (label, then 36 ten-day readings from 5 January; empty = cloud).")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--count", required = true, description = "Series to write.")
        int count;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--with-yield", description = "Write each plot's true yield in kg per mu after the label (for train-yield).")
        boolean withYield;

        @Option(names = "--cut-from", description = "Cut each series mid-season: readings after a day of year drawn from"
                + " --cut-from to --cut-to are left empty (default: whole year).")
        Integer cutFrom;

        @Option(names = "--cut-to", description = "Latest cut day of year (default: --cut-from).")
        Integer cutTo;

        @Option(names = "--out", required = true, description = "TSV to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            PhenologyGenerator generator = new PhenologyGenerator(seed);
            IntFunction<PhenologyGenerator.Series> series = cutFrom == null ? generator::generate
                    : i -> generator.generateUntil(i, cutFrom, cutTo == null ? cutFrom : cutTo);
            write(series, count, withYield ? ReferenceData.shipped() : null, out);
            return 0;
        }

        static void write(PhenologyGenerator generator, int count, ReferenceData reference, Path out) throws IOException {
            write(generator::generate, count, reference, out);
        }

        /** @param reference the crop table to turn yield ratios into kg per mu, or null to write no yields */
        static void write(IntFunction<PhenologyGenerator.Series> generator, int count, ReferenceData reference, Path out) throws IOException {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (int i = 0; i < count; i++) {
                    PhenologyGenerator.Series s = generator.apply(i);
                    StringBuilder line = new StringBuilder(s.crop().name());
                    if (reference != null) {
                        line.append('\t').append(String.format(Locale.ROOT, "%.1f", s.yieldRatio() * reference.crop(s.crop()).yieldKgPerMu()));
                    }
                    for (double v : s.ndvi()) {
                        line.append('\t').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v));
                    }
                    w.write(line.append('\n').toString());
                }
            }
        }
    }

    /** What crop train-yield printed. */
    record TrainedYield(int trained, String version, String out) {
    }

    @Command(name = "train-yield", mixinStandardHelpOptions = true,
            description = "Train a yield model (crop, yield kg/mu, NDVI series per line) and write it to a directory.")
    static final class TrainYield implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "Crop, yield in kg per mu, then equally spaced NDVI readings.")
        Path data;

        @Option(names = "--step-days", description = "Days between readings (default: crop.phenology.stepDays, 10).")
        Integer stepDays;

        @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--version", defaultValue = "yield-custom", description = "Version name stored with the model (default ${DEFAULT-VALUE}).")
        String version;

        @Option(names = "--out", required = true, description = "Model directory.")
        Path out;

        @Override
        public Integer call() {
            ReferenceData reference = ReferenceData.shipped();
            List<YieldModel.Sample> samples = YieldEvaluation.samples(SeriesReader.readWithTarget(data), settings(reference, stepDays), reference);
            YieldModel.train(samples, reference, seed, version).save(out);
            JsonOutput.print(new TrainedYield(samples.size(), version, out.toString()));
            return 0;
        }
    }

    @Command(name = "evaluate-yield", mixinStandardHelpOptions = true,
            description = "Evaluate a yield model against measured yields; prints RMSE, MAE, MAPE and R2 (kg/mu), overall and per crop,"
                    + " beside the peak-NDVI baseline, as JSON.")
    static final class EvaluateYield implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "Model directory written by crop train-yield.")
        Path model;

        @Option(names = "--data", required = true, description = "Crop, yield in kg per mu, then equally spaced NDVI readings.")
        Path data;

        @Option(names = "--step-days", description = "Days between readings (default: crop.phenology.stepDays, 10).")
        Integer stepDays;

        @Override
        public Integer call() {
            ReferenceData reference = ReferenceData.shipped();
            YieldModel yield = YieldModel.load(model);
            List<YieldModel.Sample> samples = YieldEvaluation.samples(SeriesReader.readWithTarget(data), settings(reference, stepDays), reference);
            JsonOutput.print(YieldEvaluation.evaluate(yield, samples, reference));
            return 0;
        }
    }

    @Command(name = "declaration-report", mixinStandardHelpOptions = true,
            description = "Rate synthetic farms, some declaring a crop they do not grow, and print how many false declarations the"
                    + " satellite check catches and how many honest farms it flags, as JSON.")
    static final class DeclarationReportCommand implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "20000", description = "SMEs to generate; about a fifth are farms (default ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--seed", defaultValue = "17", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--false-crop-rate", defaultValue = "0.2", description = "Share of farms declaring another crop (default ${DEFAULT-VALUE}).")
        double falseCropRate;

        @Option(names = "--last-month", defaultValue = "2025-12",
                description = "Month of the latest readings: 2025-12 gives whole seasons, 2025-06 mid-season ones (default ${DEFAULT-VALUE}).")
        YearMonth lastMonth;

        @Override
        public Integer call() {
            JsonOutput.print(DeclarationReport.measure(RatingEngine.standard(Clock.systemUTC()), count, seed, falseCropRate, lastMonth));
            return 0;
        }
    }

    private static Phenology.Settings settings(ReferenceData reference, Integer stepDays) {
        Phenology.Settings defaults = Phenology.Settings.of(reference);
        if (stepDays == null) {
            return defaults;
        }
        if (stepDays < 1 || stepDays > 60) {
            throw new IllegalArgumentException("--step-days must be in 1..60, got " + stepDays);
        }
        return new Phenology.Settings(stepDays, defaults.dipTolerance(), defaults.seasonShare(), defaults.peakShare(), defaults.minAmplitude());
    }
}
