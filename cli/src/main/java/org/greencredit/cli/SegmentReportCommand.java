package org.greencredit.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.training.Metrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The shipped champion's metrics on an independent synthetic population, overall and by segment
 * (size class, economic section, thin file), as JSON: what the algorithm filing reports. The
 * shipped {@code segment-metrics.json} beside scorecard-v1 was made with the defaults.
 */
@Command(name = "segment-report", mixinStandardHelpOptions = true,
        description = "Measure the engine's champion scorecard by segment on a synthetic population; writes JSON.")
final class SegmentReportCommand implements Callable<Integer> {
    static final List<String> SEGMENTS = List.of("sizeClass", "section", "thinFile");

    @Option(names = "--count", defaultValue = "20000", description = "SMEs to generate (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "2", description = "Seed, other than the training seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model", defaultValue = "scorecard-v1", description = "Shipped scorecard (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--out", required = true, description = "JSON file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        RatingEngine engine = RatingEngine.standard(Clock.systemUTC());
        Scorecard champion = Scorecard.shipped(model);
        Path table = Files.createTempFile("greencredit-segments", ".csv");
        try {
            ExportFeaturesCommand.write(engine, new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped()), count, table);
            List<Map<String, String>> rows = ExportFeaturesCommand.read(table);
            double[] pd = new double[rows.size()];
            boolean[] y = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                pd[i] = champion.score(ExportFeaturesCommand.numbers(rows.get(i), champion.features().keySet())).pd();
                y[i] = rows.get(i).get("defaulted").equals("1");
            }
            StringBuilder json = new StringBuilder(String.format(Locale.ROOT, "{\"model\":\"%s\",\"population\":{\"generator\":\"SyntheticPopulation\","
                    + "\"seed\":%d,\"count\":%d},\"overall\":%s,\"segments\":{", model, seed, count, Metrics.of(pd, y).toJson()));
            for (int s = 0; s < SEGMENTS.size(); s++) {
                String column = SEGMENTS.get(s);
                Map<String, List<Integer>> groups = new TreeMap<>();
                for (int i = 0; i < rows.size(); i++) {
                    groups.computeIfAbsent(rows.get(i).get(column), k -> new ArrayList<>()).add(i);
                }
                json.append(s == 0 ? "" : ",").append('"').append(column).append("\":{");
                boolean first = true;
                for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
                    double[] gp = g.getValue().stream().mapToDouble(i -> pd[i]).toArray();
                    boolean[] gy = new boolean[gp.length];
                    for (int k = 0; k < gp.length; k++) {
                        gy[k] = y[g.getValue().get(k)];
                    }
                    if (!hasBothClasses(gy)) {
                        continue;
                    }
                    json.append(first ? "" : ",").append('"').append(g.getKey()).append("\":").append(Metrics.of(gp, gy).toJson());
                    first = false;
                }
                json.append('}');
            }
            Files.writeString(out, json.append("}}\n").toString(), StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(table);
        }
        System.out.printf(Locale.ROOT, "{\"wrote\":\"%s\",\"count\":%d}%n", out.toString().replace("\\", "\\\\"), count);
        return 0;
    }

    private static boolean hasBothClasses(boolean[] y) {
        boolean any = false;
        boolean all = true;
        for (boolean b : y) {
            any |= b;
            all &= b;
        }
        return any && !all;
    }
}
