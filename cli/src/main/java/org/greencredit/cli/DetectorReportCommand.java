package org.greencredit.engine.cli;

import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.greencredit.core.rating.Anomaly;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.Distortion;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.anomaly.CarbonPatternDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How well the distortion checks work: generates a population with injected distortions and
 * prints, per kind, the recall of the check meant to catch it (and of any flag), and per check
 * the false-alarm rate on clean accounts. One JSON object.
 */
@Command(name = "detector-report", mixinStandardHelpOptions = true,
        description = "Recall and false-alarm rate of the distortion checks on a generated population.")
final class DetectorReportCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "20000", description = "SMEs to generate (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "13", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--distortion-rate", defaultValue = "0.3", description = "Share of accounts distorted (default ${DEFAULT-VALUE}).")
    double rate;

    @Override
    public Integer call() {
        System.out.println(report(count, seed, rate));
        return 0;
    }

    static String report(int count, long seed, double rate) {
        RatingEngine engine = RatingEngine.standard(Clock.systemUTC());
        SyntheticPopulation population = new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped(), rate);
        Map<Distortion, int[]> byKind = new LinkedHashMap<>();
        for (Distortion d : Distortion.values()) {
            byKind.put(d, new int[4]);
        }
        Map<String, Integer> falseAlarms = new LinkedHashMap<>();
        Set<String> codes = new TreeSet<>();
        for (Distortion d : Distortion.values()) {
            codes.add(d.expectedCode());
        }
        codes.add(CarbonPatternDetector.CODE);
        int clean = 0;
        for (int i = 0; i < count; i++) {
            SyntheticSme sme = population.generate(i);
            if (sme.request().carbonAccount() == null) {
                continue;
            }
            Set<String> flagged = engine.carbon(sme.request()).carbon().anomalies().stream().map(Anomaly::code).collect(Collectors.toSet());
            String injected = sme.truth().distortion();
            if (injected == null) {
                clean++;
                flagged.forEach(code -> falseAlarms.merge(code, 1, Integer::sum));
            } else {
                Distortion d = Distortion.valueOf(injected);
                int[] counts = byKind.get(d);
                counts[0]++;
                counts[1] += flagged.contains(d.expectedCode()) ? 1 : 0;
                counts[2] += flagged.isEmpty() ? 0 : 1;
                counts[3] += flagged.contains(CarbonPatternDetector.CODE) ? 1 : 0;
            }
        }
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT, "{\"count\":%d,\"seed\":%d,\"distortionRate\":%s,\"clean\":%d,\"kinds\":{",
                count, seed, rate, clean));
        json.append(byKind.entrySet().stream().map(e -> String.format(Locale.ROOT,
                "\"%s\":{\"injected\":%d,\"recallOfItsCheck\":%.4f,\"recallOfPatternModel\":%.4f,\"recallOfAnyFlag\":%.4f}",
                e.getKey(), e.getValue()[0], ratio(e.getValue()[1], e.getValue()[0]), ratio(e.getValue()[3], e.getValue()[0]),
                ratio(e.getValue()[2], e.getValue()[0]))).collect(Collectors.joining(",")));
        json.append("},\"falseAlarmRate\":{");
        int cleanAccounts = clean;
        json.append(codes.stream().map(code -> String.format(Locale.ROOT, "\"%s\":%.4f", code,
                ratio(falseAlarms.getOrDefault(code, 0), cleanAccounts))).collect(Collectors.joining(",")));
        json.append("}}");
        return json.toString();
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
