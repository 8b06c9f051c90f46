package org.greencredit.models.drift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.datasets.csv.CsvWriter;
import org.greencredit.datasets.reference.ReferenceTable;
import org.greencredit.models.tabular.TabularReader;

/**
 * How the training population spread over each model input and over the model's score, as the
 * reference that later populations are compared with. A number falls in one of the training rows'
 * deciles (fewer where values repeat), a category in its own bin when at least
 * {@value #MIN_CATEGORY_SHARE} of the rows had it, else in OTHER; a missing value has its own bin.
 * Saved as {@value #FILE} beside the model. Immutable.
 */
public final class PopulationReference {
    public static final String FILE = "reference.csv";
    /** The name under which the model's score (its predicted probability) is kept beside the inputs. */
    public static final String SCORE = "(score)";
    static final int DECILES = 10;
    static final double MIN_CATEGORY_SHARE = 0.01;
    static final int MAX_CATEGORIES = 50;

    enum Kind {
        RANGE, CATEGORY, OTHER, MISSING
    }

    /** One bin of a variable: a range [lower, upper), a category, OTHER or MISSING, and the training rows' share in it. */
    record Bin(Kind kind, Double lower, Double upper, String category, double share) {
        String label() {
            return switch (kind) {
                case RANGE -> "[" + (lower == null ? "-inf" : lower) + ", " + (upper == null ? "+inf" : upper) + ")";
                case CATEGORY -> category;
                case OTHER -> "(other)";
                case MISSING -> "(missing)";
            };
        }
    }

    private final Map<String, List<Bin>> bins;
    /** Where the shares come from (which model's training rows, how many), written on every row of the file. */
    private final String source;

    private PopulationReference(Map<String, List<Bin>> bins, String source) {
        this.source = source;
        Map<String, List<Bin>> copy = new LinkedHashMap<>();
        bins.forEach((variable, list) -> copy.put(variable, List.copyOf(list)));
        this.bins = Collections.unmodifiableMap(copy);
    }

    /**
     * The reference of a training population.
     *
     * @param raw     each input's raw values, row by row, null where missing
     * @param numeric the inputs read as numbers
     * @param scores  the model's score of each row
     * @param source  which rows these are, e.g. the training rows of a named model
     */
    public static PopulationReference of(Map<String, String[]> raw, java.util.Set<String> numeric, double[] scores, String source) {
        Map<String, List<Bin>> bins = new LinkedHashMap<>();
        raw.forEach((variable, values) -> bins.put(variable, numeric.contains(variable) ? numericBins(numbers(values), values.length)
                : categoryBins(values)));
        bins.put(SCORE, numericBins(Arrays.stream(scores).boxed().toArray(Double[]::new), scores.length));
        return new PopulationReference(bins, source);
    }

    /** Raw values read as numbers; null where missing or not a number. */
    public static Double[] numbers(String[] raw) {
        Double[] numbers = new Double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            numbers[i] = raw[i] == null ? null : TabularReader.parseNumber(raw[i]);
        }
        return numbers;
    }

    private static List<Bin> numericBins(Double[] values, int rows) {
        double[] present = Arrays.stream(values).filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue).sorted().toArray();
        List<Double> cuts = new ArrayList<>();
        for (int q = 1; q < DECILES; q++) {
            if (present.length == 0) {
                break;
            }
            double cut = present[(int) Math.floor((double) q * present.length / DECILES)];
            if (cut > present[0] && (cuts.isEmpty() || cut > cuts.get(cuts.size() - 1))) {
                cuts.add(cut);
            }
        }
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b <= cuts.size(); b++) {
            bins.add(new Bin(Kind.RANGE, b == 0 ? null : cuts.get(b - 1), b == cuts.size() ? null : cuts.get(b), null, 0));
        }
        bins.add(new Bin(Kind.MISSING, null, null, null, 0));
        return withShares(bins, counts(bins, values), rows);
    }

    private static List<Bin> categoryBins(String[] values) {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) {
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<Bin> bins = new ArrayList<>();
        counts.entrySet().stream().filter(e -> e.getValue() >= MIN_CATEGORY_SHARE * values.length)
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(MAX_CATEGORIES).forEach(e -> bins.add(new Bin(Kind.CATEGORY, null, null, e.getKey(), 0)));
        bins.add(new Bin(Kind.OTHER, null, null, null, 0));
        bins.add(new Bin(Kind.MISSING, null, null, null, 0));
        return withShares(bins, counts(bins, values), values.length);
    }

    private static List<Bin> withShares(List<Bin> bins, int[] counts, int rows) {
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins.size(); b++) {
            Bin bin = bins.get(b);
            out.add(new Bin(bin.kind(), bin.lower(), bin.upper(), bin.category(), rows == 0 ? 0 : (double) counts[b] / rows));
        }
        return out;
    }

    /** How many of the values fall in each bin. */
    static int[] counts(List<Bin> bins, Object[] values) {
        int[] counts = new int[bins.size()];
        for (Object v : values) {
            counts[indexOf(bins, v)]++;
        }
        return counts;
    }

    /** The bin a value falls in: a Double (or null) for a numeric variable, a String (or null) for a categorical one. */
    static int indexOf(List<Bin> bins, Object value) {
        int missing = bins.size() - 1;
        if (value == null || value instanceof Double d && d.isNaN()) {
            return missing;
        }
        if (value instanceof Double d) {
            for (int b = 0; b < missing; b++) {
                Bin bin = bins.get(b);
                if ((bin.lower() == null || d >= bin.lower()) && (bin.upper() == null || d < bin.upper())) {
                    return b;
                }
            }
            return missing;
        }
        int other = missing - 1;
        for (int b = 0; b < other; b++) {
            if (bins.get(b).category().equals(value)) {
                return b;
            }
        }
        return other;
    }

    /** The variables in order: the model's inputs, then {@link #SCORE}. */
    public List<String> variables() {
        return List.copyOf(bins.keySet());
    }

    List<Bin> bins(String variable) {
        return bins.get(variable);
    }

    boolean numeric(String variable) {
        return bins.get(variable).get(0).kind() == Kind.RANGE;
    }

    public void save(Path dir) {
        try (Writer w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8); CsvWriter csv = new CsvWriter(w)) {
            csv.write(List.of("variable", "kind", "lower", "upper", "category", "share", "source"));
            for (Map.Entry<String, List<Bin>> e : bins.entrySet()) {
                for (Bin b : e.getValue()) {
                    csv.write(List.of(e.getKey(), b.kind().name(), b.lower() == null ? "" : Double.toString(b.lower()),
                            b.upper() == null ? "" : Double.toString(b.upper()), b.category() == null ? "" : b.category(), Double.toString(b.share()), source));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** The reference saved beside a model; an error saying how to make one when the model has none. */
    public static PopulationReference load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(dir + " has no " + FILE + " (models trained before drift monitoring have none): write it with"
                    + " ./greencredit model reference --model " + dir + " --data TRAINING.csv");
        }
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The reference shipped beside a shipped credit model, or null when it has none. */
    public static PopulationReference shipped(String version) {
        String resource = "/models/credit/" + version + "/" + FILE;
        try (java.io.InputStream in = PopulationReference.class.getResourceAsStream(resource)) {
            return in == null ? null : parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static PopulationReference parse(byte[] bytes) {
        ReferenceTable table = ReferenceTable.parse(FILE, bytes, "variable", "kind", "lower", "upper", "category", "share");
        Map<String, List<Bin>> bins = new LinkedHashMap<>();
        String source = table.rows().isEmpty() ? "" : table.rows().get(0).text("source");
        for (ReferenceTable.Row r : table.rows()) {
            Kind kind = Kind.valueOf(r.text("kind"));
            bins.computeIfAbsent(r.text("variable"), k -> new ArrayList<>()).add(new Bin(kind, r.isBlank("lower") ? null : r.number("lower"),
                    r.isBlank("upper") ? null : r.number("upper"), kind == Kind.CATEGORY ? r.text("category") : null, r.number("share")));
        }
        return new PopulationReference(bins, source);
    }

    public String source() {
        return source;
    }
}
