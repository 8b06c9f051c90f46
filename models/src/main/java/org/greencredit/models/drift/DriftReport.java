package org.greencredit.models.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.greencredit.datasets.io.RoundedNumber;
import org.greencredit.datasets.reference.ReferenceTable;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The population stability index (PSI) of a population against a model's {@link PopulationReference}:
 * for each input and for the score, {@code sum over bins of (actual - expected) x ln(actual / expected)}
 * of the rows' shares, a share of zero counted as {@value #EMPTY_SHARE} so that an emptied bin
 * weighs without being infinite. Levels (stable, watch, alert) come from {@code drift_thresholds.csv}.
 */
public final class DriftReport {
    static final double EMPTY_SHARE = 1e-4;
    private static final List<Level> LEVELS = readLevels();

    private DriftReport() {
    }

    /** A level of the index from its lower bound up, with its meaning and source. */
    public record Level(String name, double from, String meaning, String source) {
    }

    /** One bin's share in the reference and in the population. */
    public record BinShare(String bin, @JsonSerialize(using = RoundedNumber.Six.class) double expected,
                           @JsonSerialize(using = RoundedNumber.Six.class) double actual) {
    }

    /** One variable's index, level and bins. */
    public record VariableDrift(String variable, @JsonSerialize(using = RoundedNumber.Six.class) double psi, String level, List<BinShare> bins) {
    }

    /** One month's rows and each variable's index in that month. */
    public record Month(String month, int rows, Map<String, Double> psi, List<String> alerts) {
    }

    /**
     * The whole report: the population overall, by month when a month column was given, and the
     * variables whose index reached the alert level overall or in some month.
     */
    public record Report(String model, String reference, int rows, double alertFrom, List<VariableDrift> variables, List<Month> months,
                         List<String> alerts, List<Level> levels) {
    }

    /**
     * @param values each variable of the reference (the score included) to its values, row by row: Double or null for numeric
     *               variables, String or null for categorical ones
     * @param months each row's month, or null for no breakdown
     */
    public static Report of(String model, PopulationReference reference, Map<String, Object[]> values, String[] months) {
        int rows = values.values().iterator().next().length;
        List<VariableDrift> variables = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        for (String variable : reference.variables()) {
            VariableDrift drift = drift(variable, reference.bins(variable), values.get(variable), java.util.stream.IntStream.range(0, rows).toArray());
            variables.add(drift);
            if (drift.level().equals(alert().name())) {
                alerts.add(variable);
            }
        }
        List<Month> byMonth = new ArrayList<>();
        if (months != null) {
            Map<String, List<Integer>> groups = new TreeMap<>();
            for (int r = 0; r < rows; r++) {
                groups.computeIfAbsent(months[r] == null ? "(missing)" : months[r], k -> new ArrayList<>()).add(r);
            }
            groups.forEach((month, members) -> {
                int[] memberRows = members.stream().mapToInt(Integer::intValue).toArray();
                Map<String, Double> psi = new LinkedHashMap<>();
                List<String> monthAlerts = new ArrayList<>();
                for (String variable : reference.variables()) {
                    VariableDrift drift = drift(variable, reference.bins(variable), values.get(variable), memberRows);
                    psi.put(variable, Math.round(drift.psi() * 1e6) / 1e6);
                    if (drift.level().equals(alert().name())) {
                        monthAlerts.add(variable);
                        if (!alerts.contains(variable)) {
                            alerts.add(variable);
                        }
                    }
                }
                byMonth.add(new Month(month, memberRows.length, psi, monthAlerts));
            });
        }
        return new Report(model, reference.source(), rows, alert().from(), variables, byMonth, alerts, LEVELS);
    }

    private static VariableDrift drift(String variable, List<PopulationReference.Bin> bins, Object[] values, int[] rows) {
        long[] counts = new long[bins.size()];
        for (int r : rows) {
            counts[PopulationReference.indexOf(bins, values[r])]++;
        }
        return drift(variable, bins, counts, rows.length);
    }

    /** A variable's index from how many of {@code rows} values fell in each of its reference bins. */
    static VariableDrift drift(String variable, List<PopulationReference.Bin> bins, long[] counts, long rows) {
        double[] expected = new double[bins.size()];
        double[] actual = new double[bins.size()];
        List<BinShare> shares = new ArrayList<>();
        for (int b = 0; b < bins.size(); b++) {
            expected[b] = bins.get(b).share();
            actual[b] = rows == 0 ? 0 : (double) counts[b] / rows;
            shares.add(new BinShare(bins.get(b).label(), expected[b], actual[b]));
        }
        double psi = psi(expected, actual);
        return new VariableDrift(variable, psi, levelOf(psi).name(), shares);
    }

    /** The index of two distributions over the same bins; bins empty in both add nothing. */
    public static double psi(double[] expected, double[] actual) {
        double psi = 0;
        for (int b = 0; b < expected.length; b++) {
            if (expected[b] == 0 && actual[b] == 0) {
                continue;
            }
            double e = Math.max(expected[b], EMPTY_SHARE);
            double a = Math.max(actual[b], EMPTY_SHARE);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    public static Level levelOf(double psi) {
        Level level = LEVELS.get(0);
        for (Level l : LEVELS) {
            if (psi >= l.from()) {
                level = l;
            }
        }
        return level;
    }

    /** The levels of drift_thresholds.csv, lowest first, with their sources. */
    public static List<Level> levels() {
        return LEVELS;
    }

    /** The highest level: its lower bound is the documented alert threshold. */
    public static Level alert() {
        return LEVELS.get(LEVELS.size() - 1);
    }

    private static List<Level> readLevels() {
        List<Level> levels = new ArrayList<>();
        for (ReferenceTable.Row r : ReferenceTable.fromClasspath("/models/drift_thresholds.csv", "level", "psi_from", "meaning").rows()) {
            levels.add(new Level(r.text("level"), r.number("psi_from"), r.text("meaning"), r.text("source")));
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).from() <= levels.get(i - 1).from()) {
                throw new IllegalStateException("drift_thresholds.csv: levels must rise; " + levels.get(i).name() + " starts at "
                        + levels.get(i).from() + ", not above " + levels.get(i - 1).from());
            }
        }
        return List.copyOf(levels);
    }
}
