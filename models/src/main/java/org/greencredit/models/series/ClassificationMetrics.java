package org.greencredit.models.series;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Accuracy, macro-averaged F1, per class the accuracy on that class's series (recall) and the
 * precision of calling it, and the confusion matrix (rows: true label, columns: predicted).
 */
public record ClassificationMetrics(int n, double accuracy, double macroF1, List<String> labels, int[][] confusion) {

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

    public String toJson() {
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT, "{\"n\":%d,\"accuracy\":%.6f,\"macroF1\":%.6f,\"labels\":[",
                n, accuracy, macroF1));
        for (int i = 0; i < labels.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(labels.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        json.append("],\"perClass\":{");
        for (int c = 0; c < labels.size(); c++) {
            int actual = 0;
            int called = 0;
            for (int j = 0; j < labels.size(); j++) {
                actual += confusion[c][j];
                called += confusion[j][c];
            }
            double recall = actual == 0 ? 0 : (double) confusion[c][c] / actual;
            double precision = called == 0 ? 0 : (double) confusion[c][c] / called;
            json.append(c == 0 ? "" : ",").append('"').append(labels.get(c).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append(String.format(Locale.ROOT, "\":{\"n\":%d,\"accuracy\":%.6f,\"precision\":%.6f}", actual, recall, precision));
        }
        json.append("},\"confusionMatrix\":[");
        for (int i = 0; i < confusion.length; i++) {
            json.append(i == 0 ? "" : ",").append('[');
            for (int j = 0; j < confusion[i].length; j++) {
                json.append(j == 0 ? "" : ",").append(confusion[i][j]);
            }
            json.append(']');
        }
        return json.append("]}").toString();
    }
}
