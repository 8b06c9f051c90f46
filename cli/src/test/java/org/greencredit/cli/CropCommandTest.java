package org.greencredit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.PhenologyGenerator;
import org.greencredit.models.crop.Phenology;
import org.greencredit.models.crop.YieldEvaluation;
import org.greencredit.models.series.ClassificationMetrics;
import org.greencredit.models.series.LabelledSeries;
import org.greencredit.models.series.NearestCentroid;
import org.greencredit.models.series.SeriesClassifier;
import org.greencredit.models.series.SeriesReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class CropCommandTest {
    @TempDir
    Path dir;

    @Tag("slow")
    @Test
    void theClassifierReachesTheDaShanQueFigureWhileANearestCentroidBaselineDoesNot() throws Exception {
        Path train = dir.resolve("train.tsv");
        Path test = dir.resolve("test.tsv");
        CropCommand.Generate.write(new PhenologyGenerator(1), 3_000, null, train);
        CropCommand.Generate.write(new PhenologyGenerator(2), 1_500, null, test);
        assertThat(CommandLineRunner.run("crop", "train", "--data", train.toString(), "--out", dir.resolve("m").toString())).isZero();

        SeriesClassifier classifier = SeriesClassifier.load(dir.resolve("m"));
        LabelledSeries testSeries = SeriesReader.read(test, classifier.length());
        List<String> predicted = classifier.predict(testSeries.values()).stream().map(SeriesClassifier.Result::label).toList();
        ClassificationMetrics model = ClassificationMetrics.of(testSeries.labels(), predicted);
        ClassificationMetrics baseline = ClassificationMetrics.of(testSeries.labels(),
                NearestCentroid.train(SeriesReader.read(train)).predict(testSeries.values()));

        assertThat(model.labels()).hasSize(15);
        assertThat(model.accuracy()).isGreaterThanOrEqualTo(0.93);
        assertThat(baseline.accuracy()).isLessThan(model.accuracy() - 0.05);
        assertThat(classifier.predict(List.of(testSeries.values().get(0))).get(0).probabilities().values().stream()
                .mapToDouble(Double::doubleValue).sum()).isBetween(0.999, 1.001);
    }

    @Test
    void readsUcrStyleFilesWithGapsNumericLabelsAndCommas() throws Exception {
        Path file = dir.resolve("ucr.csv");
        Files.writeString(file, "1.0,0.1,0.2,NaN,0.4\n2,0.5,,0.3,0.2\n1,0.1,0.2,0.3\n");
        LabelledSeries s = SeriesReader.read(file);
        assertThat(s.labels()).containsExactly("1", "2", "1");
        assertThat(s.length()).isEqualTo(4);
        assertThat(s.values().get(0)).containsExactly(0.1, 0.2, 0.30000000000000004, 0.4);
        assertThat(s.values().get(1)).containsExactly(0.5, 0.4, 0.3, 0.2);
        // the three-value series is resampled to the common length of four
        assertThat(s.values().get(2)[0]).isEqualTo(0.1);
        assertThat(s.values().get(2)[3]).isEqualTo(0.3);
    }

    @Test
    void evaluatePrintsTheConfusionMatrixForASmallFile() throws Exception {
        Path file = dir.resolve("small.tsv");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            boolean up = i % 2 == 0;
            text.append(up ? "up" : "down");
            for (int t = 0; t < 10; t++) {
                text.append('\t').append(up ? t * 0.1 : 1 - t * 0.1);
            }
            text.append('\n');
        }
        Files.writeString(file, text);
        assertThat(CommandLineRunner.run("crop", "train", "--data", file.toString(), "--out", dir.resolve("s").toString())).isZero();
        SeriesClassifier c = SeriesClassifier.load(dir.resolve("s"));
        LabelledSeries s = SeriesReader.read(file, c.length());
        ClassificationMetrics m = ClassificationMetrics.of(s.labels(), c.predict(s.values()).stream().map(SeriesClassifier.Result::label).toList());
        assertThat(m.accuracy()).isEqualTo(1.0);
        assertThat(GreenCreditJson.mapper().writeValueAsString(m)).contains("\"labels\":[\"down\",\"up\"]", "\"confusionMatrix\":[[30,0],[0,30]]",
                "\"perClass\":{\"down\":{\"n\":30,\"accuracy\":1.000000,\"precision\":1.000000}");
    }

    @Test
    void yieldModelTrainedFromTheCommandLineBeatsTheBaseline() throws Exception {
        Path train = dir.resolve("yield-train.tsv");
        Path test = dir.resolve("yield-test.tsv");
        assertThat(CommandLineRunner.run("crop", "generate", "--count", "3000", "--seed", "1", "--with-yield", "--out", train.toString())).isZero();
        assertThat(CommandLineRunner.run("crop", "generate", "--count", "1500", "--seed", "2", "--with-yield", "--out", test.toString())).isZero();
        assertThat(Files.readAllLines(test).get(0)).startsWith("RICE\t");
        CommandLineRunner.output("crop", "train-yield", "--data", train.toString(), "--out", dir.resolve("y").toString());
        JsonNode report = new ObjectMapper().readTree(CommandLineRunner.output("crop", "evaluate-yield", "--model",
                dir.resolve("y").toString(), "--data", test.toString()));
        assertThat(report.at("/model/n").asInt()).isEqualTo(1500);
        assertThat(report.at("/model/mape").asDouble()).isLessThan(0.8 * report.at("/baseline/mape").asDouble());
        assertThat(report.at("/byCrop/MILLET/model/mape").asDouble()).isLessThan(report.at("/byCrop/MILLET/baseline/mape").asDouble());
    }

    @Test
    void aYieldFileWithAnUnknownCropOrNoYieldIsRefusedByLine() throws Exception {
        Path file = dir.resolve("bad.tsv");
        ReferenceData reference = ReferenceData.shipped();
        Files.writeString(file, "稻谷\t480\t0.2\t0.5\t0.8\nmaize\t430\t0.2\t0.5\t0.8\nBANANA\t900\t0.2\t0.3\t0.4\n");
        assertThatThrownBy(() -> YieldEvaluation.samples(SeriesReader.readWithTarget(file), Phenology.Settings.of(reference), reference))
                .hasMessageStartingWith("series 3: 'BANANA' is not a crop; use one of [RICE, WHEAT");
        Files.writeString(file, "稻谷\t480\t0.2\t0.5\t0.8\nmaize\t430\t0.2\t0.5\t0.8\n");
        assertThat(YieldEvaluation.samples(SeriesReader.readWithTarget(file), Phenology.Settings.of(reference), reference))
                .extracting(s -> s.crop().name()).containsExactly("RICE", "MAIZE");
        Files.writeString(file, "RICE\tn/a\t0.2\t0.5\t0.8\n");
        assertThatThrownBy(() -> SeriesReader.readWithTarget(file))
                .hasMessageEndingWith("line 1: the target (second field) must be a number, got 'n/a'");
    }
}
