package org.greencredit.models.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.greencredit.datasets.synthetic.PhenologyGenerator;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

    @Test
    void aTemperatureOfTwoTakesTheSquareRootOfEachProbability() {
        // sqrt(0.8) = 0.894, sqrt(0.2) = 0.447; normalised: 2/3 and 1/3
        Map<String, Double> t = SeriesClassifier.tempered(Map.of("A", 0.8, "B", 0.2), 2.0);
        assertThat(t.get("A")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(t.get("B")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(SeriesClassifier.tempered(Map.of("A", 0.8, "B", 0.2), 1.0)).containsEntry("A", 0.8);
    }

    @Test
    void logLossIsTheMeanNegativeLogProbabilityOfTheTruth() {
        List<Map<String, Double>> p = List.of(Map.of("A", 0.5, "B", 0.5), Map.of("A", 0.25, "B", 0.75));
        // (-ln 0.5 - ln 0.75) / 2
        assertThat(SeriesClassifier.logLoss(p, List.of("A", "B"), 1.0)).isCloseTo((Math.log(2) - Math.log(0.75)) / 2, within(1e-12));
    }

    @Test
    void theFittedTemperatureNeverWorsensLogLossAndKeepsEveryPrediction() {
        PhenologyGenerator generator = new PhenologyGenerator(5);
        List<String> labels = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            PhenologyGenerator.Series s = generator.generate(i);
            labels.add(s.crop().name());
            values.add(SeriesReader.fillGaps(s.ndvi()));
        }
        SeriesClassifier model = SeriesClassifier.train(new LabelledSeries(labels.subList(0, 600), values.subList(0, 600), 36), 1);
        LabelledSeries held = new LabelledSeries(labels.subList(600, 900), values.subList(600, 900), 36);
        SeriesClassifier calibrated = model.calibrated(held);

        List<Map<String, Double>> raw = model.predictRaw(held.values());
        assertThat(SeriesClassifier.logLoss(raw, held.labels(), calibrated.temperature()))
                .isLessThanOrEqualTo(SeriesClassifier.logLoss(raw, held.labels(), 1.0));
        assertThat(calibrated.predict(held.values())).extracting(SeriesClassifier.Result::label)
                .containsExactlyElementsOf(model.predict(held.values()).stream().map(SeriesClassifier.Result::label).toList());
        ProbabilityMetrics after = ProbabilityMetrics.of(held.labels(), calibrated.predict(held.values()).stream()
                .map(SeriesClassifier.Result::probabilities).toList());
        assertThat(after.expectedCalibrationError()).isBetween(0.0, 0.15);
    }
}
