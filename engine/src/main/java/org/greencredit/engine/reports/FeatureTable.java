package org.greencredit.engine.reports;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.csv.CsvReader;
import org.greencredit.datasets.csv.CsvWriter;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.greencredit.engine.RatingEngine;

/**
 * The credit model's features of a synthetic population as a CSV table, with segment columns
 * (province, industry section, size, thin file), the drawn outcome and the generating process's
 * PD: what {@code model train} learns from, and what the champion's metrics are measured on.
 */
public final class FeatureTable {
    /** The segment columns, before the features. */
    public static final List<String> SEGMENTS = List.of("province", "section", "sizeClass", "thinFile");
    public static final String OUTCOME = "defaulted";
    public static final String TRUE_PD = "truePd";

    private FeatureTable() {
    }

    /** Writes the first {@code count} SMEs of {@code population} with their features as {@code engine} computes them. */
    public static void write(RatingEngine engine, SyntheticPopulation population, int count, Path out) throws IOException {
        write(engine, population, count, SyntheticSme::request, out);
    }

    /**
     * As {@link #write(RatingEngine, SyntheticPopulation, int, Path)}, with each SME seen through {@code view}: what a bank
     * knows of it (its request without the credit section and with its invoice ledger, say). The thinFile column follows
     * the viewed request.
     */
    public static void write(RatingEngine engine, SyntheticPopulation population, int count, Function<SyntheticSme, RatingRequest> view,
                             Path out) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8); CsvWriter csv = new CsvWriter(w)) {
            List<String> features = null;
            for (int i = 0; i < count; i++) {
                SyntheticSme sme = population.generate(i);
                RatingRequest request = view.apply(sme);
                Map<String, Double> f = engine.creditFeatures(request);
                if (features == null) {
                    features = List.copyOf(f.keySet());
                    csv.write(header(features));
                }
                csv.write(row(sme, request, features, f));
            }
        }
    }

    /** The header of a table of {@code features}: segments, the features, outcome and true PD. */
    static List<String> header(List<String> features) {
        List<String> header = new ArrayList<>(SEGMENTS);
        header.addAll(features);
        header.add(OUTCOME);
        header.add(TRUE_PD);
        return header;
    }

    /** One SME's row under {@link #header}: its segments (thinFile as {@code request} has it), feature values, outcome, true PD. */
    static List<String> row(SyntheticSme sme, RatingRequest request, List<String> features, Map<String, Double> values) {
        List<String> row = new ArrayList<>();
        row.add(sme.request().sme().provinceCode());
        row.add(sme.request().sme().industryCode().substring(0, 1));
        row.add(sme.request().sme().sizeClass().name());
        row.add(request.credit() == null ? "thin" : "full");
        for (String name : features) {
            Double v = values.get(name);
            row.add(v == null ? "" : String.format(Locale.ROOT, "%.6g", v));
        }
        row.add(sme.truth().defaulted() ? "1" : "0");
        row.add(String.format(Locale.ROOT, "%.6f", sme.truth().pd()));
        return row;
    }

    /** The rows of a table written by {@link #write}, column name to cell text. */
    public static List<Map<String, String>> read(Path table) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(table, StandardCharsets.UTF_8); CsvReader csv = new CsvReader(in, table.toString())) {
            List<String> header = csv.next();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (row.size() != header.size()) {
                    throw new IllegalStateException(table + ": line " + csv.recordLine() + " has " + row.size() + " fields, the header "
                            + header.size());
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), row.get(i));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    /** The given features of a row as numbers, an empty cell as null (missing). */
    public static Map<String, Double> numbers(Map<String, String> row, Iterable<String> features) {
        Map<String, Double> values = new HashMap<>();
        for (String feature : features) {
            String v = row.get(feature);
            values.put(feature, v == null || v.isEmpty() ? null : Double.valueOf(v));
        }
        return values;
    }

    /** Whether a row's drawn outcome is a default. */
    public static boolean defaulted(Map<String, String> row) {
        return "1".equals(row.get(OUTCOME));
    }
}
