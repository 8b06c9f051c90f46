package org.greencredit.models.series;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline a crop classifier must beat: each class is the mean of its (gap-filled) curves,
 * and a series takes the class of the nearest mean (Euclidean). Shifted calendars, clouds and
 * mixed pixels defeat it; that it scores clearly lower shows the synthetic task is not trivial.
 */
public final class NearestCentroid {
    private final Map<String, double[]> centroids;

    private NearestCentroid(Map<String, double[]> centroids) {
        this.centroids = centroids;
    }

    public static NearestCentroid train(LabelledSeries data) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            double[] sum = sums.computeIfAbsent(data.labels().get(i), k -> new double[data.length()]);
            double[] v = data.values().get(i);
            for (int j = 0; j < v.length; j++) {
                sum[j] += v[j];
            }
            counts.merge(data.labels().get(i), 1, Integer::sum);
        }
        sums.forEach((label, sum) -> {
            for (int j = 0; j < sum.length; j++) {
                sum[j] /= counts.get(label);
            }
        });
        return new NearestCentroid(sums);
    }

    public List<String> predict(List<double[]> series) {
        List<String> out = new ArrayList<>(series.size());
        for (double[] s : series) {
            String best = null;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (Map.Entry<String, double[]> c : centroids.entrySet()) {
                double d = 0;
                for (int j = 0; j < s.length; j++) {
                    d += (s[j] - c.getValue()[j]) * (s[j] - c.getValue()[j]);
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c.getKey();
                }
            }
            out.add(best);
        }
        return out;
    }
}
