package org.greencredit.models.series;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.greencredit.datasets.io.RoundedNumber;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Accuracy, macro-averaged F1, per class the accuracy on that class's series (recall) and the
 * precision of calling it, and the confusion matrix (rows: true label, columns: predicted).
 */
@JsonPropertyOrder({"n", "accuracy", "macroF1", "labels", "perClass", "confusionMatrix"})
public record ClassificationMetrics(int n, @JsonSerialize(using = RoundedNumber.Six.class) double accuracy,
                                    @JsonSerialize(using = RoundedNumber.Six.class) double macroF1, List<String> labels,
                                    @JsonProperty("confusionMatrix") int[][] confusion) {

    public static ClassificationMetrics of(List<String> truth, List<String> predicted) {
        TreeSet<String> all = new TreeSet<>(truth);
        all.addAll(predicted);
        List<String> labels = new ArrayList<>(all);
        int k = labels.size();
        int[][] confusion = new int[k][k];
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            confusion[labels.indexOf(truth.get(i))][labels.indexOf(predicted.get(i))]++;
            correct += truth.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        double f1Sum = 0;
        int classes = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int actual = 0;
            int called = 0;
            for (int j = 0; j < k; j++) {
                actual += confusion[c][j];
                called += confusion[j][c];
            }
            if (actual == 0) {
                continue;
            }
            double precision = called == 0 ? 0 : (double) tp / called;
            double recall = (double) tp / actual;
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes++;
        }
        return new ClassificationMetrics(truth.size(), (double) correct / truth.size(), classes == 0 ? 0 : f1Sum / classes, labels, confusion);
    }

    /** One class: how many series truly are of it, the share of them recognised (recall), and the precision of calling it. */
    public record ClassScore(int n, @JsonSerialize(using = RoundedNumber.Six.class) double accuracy,
                             @JsonSerialize(using = RoundedNumber.Six.class) double precision) {
    }

    /** Each label's score, in label order. */
    @JsonProperty("perClass")
    public Map<String, ClassScore> perClass() {
        Map<String, ClassScore> scores = new LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            int actual = 0;
            int called = 0;
            for (int j = 0; j < labels.size(); j++) {
                actual += confusion[c][j];
                called += confusion[j][c];
            }
            scores.put(labels.get(c), new ClassScore(actual, actual == 0 ? 0 : (double) confusion[c][c] / actual,
                    called == 0 ? 0 : (double) confusion[c][c] / called));
        }
        return scores;
    }
}
