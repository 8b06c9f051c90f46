package org.greencredit.engine.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.greencredit.datasets.synthetic.PhenologyGenerator;
import org.greencredit.models.series.ClassificationMetrics;
import org.greencredit.models.series.LabelledSeries;
import org.greencredit.models.series.SeriesClassifier;
import org.greencredit.models.series.SeriesReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "crop", mixinStandardHelpOptions = true,
        subcommands = {CropCommand.Train.class, CropCommand.Evaluate.class, CropCommand.Generate.class},
        description = "Crop classification from labelled series: one series per line, label first, then equally spaced values"
                + " (tab-, comma- or space-separated, no header).")
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
            List<String> predicted = classifier.predict(series.values()).stream().map(SeriesClassifier.Result::label).toList();
            System.out.println(ClassificationMetrics.of(series.labels(), predicted).toJson());
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write seeded synthetic NDVI series of the 15 crops (label, then 36 ten-day readings; empty = cloud).")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--count", required = true, description = "Series to write.")
        int count;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, description = "TSV to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            write(new PhenologyGenerator(seed), count, out);
            return 0;
        }

        static void write(PhenologyGenerator generator, int count, Path out) throws IOException {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (int i = 0; i < count; i++) {
                    PhenologyGenerator.Series s = generator.generate(i);
                    StringBuilder line = new StringBuilder(s.crop().name());
                    for (double v : s.ndvi()) {
                        line.append('\t').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v));
                    }
                    w.write(line.append('\n').toString());
                }
            }
        }
    }
}
