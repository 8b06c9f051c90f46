package org.greencredit.engine.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.greencredit.core.rating.Rating;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.greencredit.engine.RatingEngine;
import org.greencredit.datasets.synthetic.PhenologyGenerator;
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

@Command(name = "crop", mixinStandardHelpOptions = true,
        subcommands = {CropCommand.Train.class, CropCommand.Evaluate.class, CropCommand.Calibrate.class, CropCommand.Generate.class,
                CropCommand.TrainYield.class, CropCommand.EvaluateYield.class, CropCommand.DeclarationReport.class},
        description = "Crop classification and yield from labelled series: one series per line, label first (for yield: the crop,"
                + " then the yield in kg per mu), then equally spaced values (tab-, comma- or space-separated, no header).")
final class CropCommand {

    @Command(name = "train", mixinStandardHelpOptions = true, description = "Train a series classifier and write it to a directory.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "Labelled series.")
        Path data;

        @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, description = "Model directory.")
        Path out;

        @Override
        public Integer call() {
            LabelledSeries series = SeriesReader.read(data);
            SeriesClassifier.train(series, seed).save(out);
            System.out.printf(Locale.ROOT, "{\"trained\":%d,\"length\":%d,\"classes\":%d,\"out\":\"%s\"}%n", series.size(), series.length(),
                    new java.util.TreeSet<>(series.labels()).size(), out.toString().replace("\\", "\\\\"));
            return 0;
        }
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
            String metrics = ClassificationMetrics.of(series.labels(), results.stream().map(SeriesClassifier.Result::label).toList()).toJson();
            String probabilities = ProbabilityMetrics.of(series.labels(), results.stream().map(SeriesClassifier.Result::probabilities).toList())
                    .toJson();
            System.out.println(metrics.substring(0, metrics.length() - 1) + ",\"probabilities\":" + probabilities + "}");
            return 0;
        }
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
            System.out.printf(Locale.ROOT, "{\"temperature\":%.6f,\"before\":%s,\"after\":%s}%n", after.temperature(),
                    probabilities(before, series), probabilities(after, series));
            return 0;
        }

        private static String probabilities(SeriesClassifier classifier, LabelledSeries series) {
            return ProbabilityMetrics.of(series.labels(), classifier.predict(series.values()).stream()
                    .map(SeriesClassifier.Result::probabilities).toList()).toJson();
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
            System.out.printf(Locale.ROOT, "{\"trained\":%d,\"version\":\"%s\",\"out\":\"%s\"}%n", samples.size(), version,
                    out.toString().replace("\\", "\\\\"));
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
            System.out.println(YieldEvaluation.evaluate(yield, samples, reference).toJson());
            return 0;
        }
    }

    @Command(name = "declaration-report", mixinStandardHelpOptions = true,
            description = "Rate synthetic farms, some declaring a crop they do not grow, and print how many false declarations the"
                    + " satellite check catches and how many honest farms it flags, as JSON.")
    static final class DeclarationReport implements Callable<Integer> {
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
            RatingEngine engine = RatingEngine.standard(Clock.systemUTC());
            SyntheticPopulation population = new SyntheticPopulation(seed, lastMonth, 24, ReferenceData.shipped())
                    .withFalseCropDeclarations(falseCropRate);
            int falseFarms = 0;
            int caught = 0;
            int caughtAsTrueCrop = 0;
            int honestFarms = 0;
            int honestFlagged = 0;
            int referredForMismatch = 0;
            for (long i = 0; i < count; i++) {
                SyntheticSme sme = population.generate(i);
                if (!sme.truth().farm()) {
                    continue;
                }
                Rating rating = engine.rate(sme.request());
                boolean flagged = rating.crop().plots().stream().anyMatch(p -> !p.crop().equals(declaredCrop(sme, p.plotId())));
                boolean referred = rating.decision().referralReasons().contains("CROP_MISMATCH");
                referredForMismatch += referred ? 1 : 0;
                if (sme.truth().falseCropDeclared()) {
                    falseFarms++;
                    caught += flagged && referred ? 1 : 0;
                    caughtAsTrueCrop += rating.crop().plots().stream().anyMatch(p -> p.crop().equals(sme.truth().trueCrop())) && flagged ? 1 : 0;
                } else {
                    honestFarms++;
                    honestFlagged += flagged ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "{\"count\":%d,\"seed\":%d,\"lastMonth\":\"%s\",\"falseCropRate\":%s,\"farms\":%d,\"falseDeclarations\":%d,"
                            + "\"caughtAndReferred\":%d,\"recall\":%.4f,\"caughtNamingTheTrueCrop\":%d,\"honestFarms\":%d,"
                            + "\"honestFlagged\":%d,\"falseAlarmRate\":%.4f,\"referredForCropMismatch\":%d}%n",
                    count, seed, lastMonth, falseCropRate, falseFarms + honestFarms, falseFarms, caught, falseFarms == 0 ? 0 : (double) caught / falseFarms,
                    caughtAsTrueCrop, honestFarms, honestFlagged, honestFarms == 0 ? 0 : (double) honestFlagged / honestFarms, referredForMismatch);
            return 0;
        }

        private static String declaredCrop(SyntheticSme sme, String plotId) {
            return sme.request().plots().stream().filter(p -> p.id().equals(plotId)).findFirst().orElseThrow().declaredCrop().name();
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
