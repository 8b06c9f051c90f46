package org.greencredit.engine.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.training.Metrics;

/**
 * A scorecard's metrics on an independent synthetic population, overall and by segment (size class,
 * economic section, thin file): what the algorithm filing reports. The shipped
 * {@code segment-metrics.json} beside scorecard-v1 is this report with seed 2 and 20,000 SMEs.
 */
public final class SegmentReport {
    /** The segment columns of the feature table measured, in report order. */
    public static final List<String> SEGMENTS = List.of("sizeClass", "section", "thinFile");

    /** Which generated population was measured. */
    public record Population(String generator, long seed, int count) {
    }

    /** Overall metrics, and per segment column the metrics of each value holding both outcomes. */
    public record Result(String model, Population population, Metrics overall, Map<String, Map<String, Metrics>> segments) {
    }

    private SegmentReport() {
    }

    public static Result measure(RatingEngine engine, Scorecard scorecard, long seed, int count) throws IOException {
        Path table = Files.createTempFile("greencredit-segments", ".csv");
        try {
            FeatureTable.write(engine, new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped()), count, table);
            List<Map<String, String>> rows = FeatureTable.read(table);
            double[] pd = new double[rows.size()];
            boolean[] y = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                pd[i] = scorecard.score(FeatureTable.numbers(rows.get(i), scorecard.features().keySet())).pd();
                y[i] = FeatureTable.defaulted(rows.get(i));
            }
            Map<String, Map<String, Metrics>> segments = new LinkedHashMap<>();
            for (String column : SEGMENTS) {
                Map<String, List<Integer>> groups = new TreeMap<>();
                for (int i = 0; i < rows.size(); i++) {
                    groups.computeIfAbsent(rows.get(i).get(column), k -> new ArrayList<>()).add(i);
                }
                Map<String, Metrics> byValue = new TreeMap<>();
                for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                    double[] gp = g.getValue().stream().mapToDouble(i -> pd[i]).toArray();
                    boolean[] gy = new boolean[gp.length];
                    for (int k = 0; k < gp.length; k++) {
                        gy[k] = y[g.getValue().get(k)];
                    }
                    if (hasBothOutcomes(gy)) {
                        byValue.put(g.getKey(), Metrics.of(gp, gy));
                    }
                }
                segments.put(column, byValue);
            }
            return new Result(scorecard.version(), new Population("SyntheticPopulation", seed, count), Metrics.of(pd, y), segments);
        } finally {
            Files.deleteIfExists(table);
        }
    }

    private static boolean hasBothOutcomes(boolean[] y) {
        boolean any = false;
        boolean all = true;
        for (boolean b : y) {
            any |= b;
            all &= b;
        }
        return any && !all;
    }
}
