package org.greencredit.engine.reports;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.greencredit.core.rating.Anomaly;
import org.greencredit.datasets.io.RoundedNumber;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.Distortion;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.anomaly.CarbonPatternDetector;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * How well the carbon-data distortion checks work on a generated population with injected
 * distortions: per kind, the recall of the check meant to catch it, of the pattern model and of any
 * flag; per check, the false-alarm rate on clean accounts.
 */
public final class DetectorReport {
    /** One kind of distortion: how many were injected and which share each check caught. */
    public record Kind(int injected, @JsonSerialize(using = RoundedNumber.Four.class) double recallOfItsCheck,
                       @JsonSerialize(using = RoundedNumber.Four.class) double recallOfPatternModel,
                       @JsonSerialize(using = RoundedNumber.Four.class) double recallOfAnyFlag) {
    }

    /** @param falseAlarmRate per check code, the share of clean accounts it flagged */
    public record Result(int count, long seed, double distortionRate, int clean, Map<String, Kind> kinds,
                         @JsonSerialize(contentUsing = RoundedNumber.Four.class) Map<String, Double> falseAlarmRate) {
    }

    private DetectorReport() {
    }

    public static Result measure(RatingEngine engine, int count, long seed, double distortionRate) {
        SyntheticPopulation population = new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped(), distortionRate);
        Map<Distortion, int[]> byKind = new LinkedHashMap<>();
        for (Distortion d : Distortion.values()) {
            byKind.put(d, new int[4]);
        }
        Map<String, Integer> falseAlarms = new TreeMap<>();
        for (Distortion d : Distortion.values()) {
            falseAlarms.put(d.expectedCode(), 0);
        }
        falseAlarms.put(CarbonPatternDetector.CODE, 0);
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
                flagged.stream().filter(falseAlarms::containsKey).forEach(code -> falseAlarms.merge(code, 1, Integer::sum));
            } else {
                Distortion d = Distortion.valueOf(injected);
                int[] counts = byKind.get(d);
                counts[0]++;
                counts[1] += flagged.contains(d.expectedCode()) ? 1 : 0;
                counts[2] += flagged.isEmpty() ? 0 : 1;
                counts[3] += flagged.contains(CarbonPatternDetector.CODE) ? 1 : 0;
            }
        }
        Map<String, Kind> kinds = new LinkedHashMap<>();
        byKind.forEach((d, c) -> kinds.put(d.name(), new Kind(c[0], ratio(c[1], c[0]), ratio(c[3], c[0]), ratio(c[2], c[0]))));
        Map<String, Double> rates = new TreeMap<>();
        int cleanAccounts = clean;
        falseAlarms.forEach((code, n) -> rates.put(code, ratio(n, cleanAccounts)));
        return new Result(count, seed, distortionRate, clean, kinds, rates);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
