package org.greencredit.engine.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.greencredit.datasets.csv.CsvReader;
import org.greencredit.datasets.csv.CsvWriter;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.greencredit.engine.RatingEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the credit model's features of a synthetic population as a table, with segment columns
 * (province, industry section, size, thin file), the drawn outcome and the generating process's
 * PD: what `model train` learns from and what its AUC is compared with.
 */
@Command(name = "export-features", mixinStandardHelpOptions = true,
        description = "Write the credit features, segments and outcomes of a synthetic population as CSV.")
final class ExportFeaturesCommand implements Callable<Integer> {
    static final List<String> SEGMENTS = List.of("province", "section", "sizeClass", "thinFile");

    @Option(names = "--count", required = true, description = "SMEs to generate.")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "CSV to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        write(RatingEngine.standard(Clock.systemUTC()), new SyntheticPopulation(seed, YearMonth.of(2025, 12), 24, ReferenceData.shipped()),
                count, out);
        return 0;
    }

    /** The rows of a table written by {@link #write}, column name to cell text. */
    static List<Map<String, String>> read(Path table) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(table, StandardCharsets.UTF_8); CsvReader csv = new CsvReader(in, table.toString())) {
            List<String> header = csv.next();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
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
    static Map<String, Double> numbers(Map<String, String> row, Iterable<String> features) {
        Map<String, Double> values = new HashMap<>();
        for (String feature : features) {
            String v = row.get(feature);
            values.put(feature, v == null || v.isEmpty() ? null : Double.valueOf(v));
        }
        return values;
    }

    static void write(RatingEngine engine, SyntheticPopulation population, int count, Path out) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8); CsvWriter csv = new CsvWriter(w)) {
            List<String> features = null;
            for (int i = 0; i < count; i++) {
                SyntheticSme sme = population.generate(i);
                Map<String, Double> f = engine.creditFeatures(sme.request());
                if (features == null) {
                    features = List.copyOf(f.keySet());
                    List<String> header = new ArrayList<>(SEGMENTS);
                    header.addAll(features);
                    header.add("defaulted");
                    header.add("truePd");
                    csv.write(header);
                }
                List<String> row = new ArrayList<>();
                row.add(sme.request().sme().provinceCode());
                row.add(sme.request().sme().industryCode().substring(0, 1));
                row.add(sme.request().sme().sizeClass().name());
                row.add(sme.request().credit() == null ? "thin" : "full");
                for (String name : features) {
                    Double v = f.get(name);
                    row.add(v == null ? "" : String.format(Locale.ROOT, "%.6g", v));
                }
                row.add(sme.truth().defaulted() ? "1" : "0");
                row.add(String.format(Locale.ROOT, "%.6f", sme.truth().pd()));
                csv.write(row);
            }
        }
    }
}
