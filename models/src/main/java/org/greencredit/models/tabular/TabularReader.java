package org.greencredit.models.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.greencredit.datasets.csv.CsvFormatException;
import org.greencredit.datasets.csv.CsvReader;

/**
 * Reads any delimited file with a header into a {@link TabularData}: the delimiter (comma,
 * semicolon or tab) is detected from the header, common spellings of a missing value are
 * recognised, each column is typed numeric when nearly all its values are numbers, and the
 * positive class of the target is inferred when it is unambiguous. Problems that would make a
 * model silently wrong (unknown target, one class, unreadable rows) are errors naming what to fix.
 */
public final class TabularReader {
    /** Spellings of a missing value, compared case-insensitively after trimming. */
    static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "none", "?", "-", ".", "#n/a", "missing");
    /**
     * A column is numeric when at least this share of its present values parse as numbers; the
     * other values ("n.a.", "unknown") then fall in the missing bin rather than turning a numeric
     * column into thousands of categories.
     */
    private static final double NUMERIC_SHARE = 0.8;
    /** A text column with more distinct values than this share of rows identifies rows rather than describing them. */
    private static final double IDENTIFIER_SHARE = 0.5;
    private static final int MAX_ROWS_LISTED = 10;
    private static final List<List<String>> POSITIVE_SPELLINGS = List.of(List.of("1", "0"), List.of("true", "false"),
            List.of("yes", "no"), List.of("y", "n"), List.of("bad", "good"), List.of("default", "non-default"),
            List.of("default", "no default"), List.of("defaulted", "paid"), List.of("1.0", "0.0"));

    private TabularReader() {
    }

    /**
     * @param positive the target value that marks the positive class, or null to infer it
     * @param exclude  columns to leave out
     */
    public static TabularData read(Path file, String target, String positive, Set<String> exclude) {
        Rows table = rows(file);
        List<String> header = table.header();
        List<List<String>> rows = table.rows();
        int targetIndex = header.indexOf(target);
        if (targetIndex < 0) {
            throw new TabularFormatException(file + ": no target column '" + target + "'; the columns are " + header);
        }
        for (String name : exclude) {
            if (!header.contains(name)) {
                throw new TabularFormatException(file + ": cannot exclude '" + name + "': no such column; the columns are " + header);
            }
        }
        return build(file, header, rows, targetIndex, positive, exclude);
    }

    /** The header and the rows of a delimited file, every row checked to have the header's number of fields. */
    private record Rows(List<String> header, List<List<String>> rows) {
    }

    private static Rows rows(Path file) {
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        List<Long> unreadable = new ArrayList<>();
        char delimiter = detectDelimiter(file);
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString(), delimiter)) {
            header = csv.next();
            if (header == null) {
                throw new TabularFormatException(file + ": the file is empty; expected a header row");
            }
            header = header.stream().map(String::trim).toList();
            Set<String> seen = new HashSet<>();
            for (String name : header) {
                if (!seen.add(name)) {
                    throw new TabularFormatException(file + ": the column name '" + name + "' appears twice in the header");
                }
            }
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                if (row.size() != header.size()) {
                    unreadable.add((long) csv.recordLine());
                } else {
                    rows.add(row);
                }
            }
        } catch (CsvFormatException e) {
            throw new TabularFormatException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!unreadable.isEmpty()) {
            throw new TabularFormatException(file + ": " + unreadable.size() + " row(s) do not have the " + header.size()
                    + " fields of the header, at line(s) " + unreadable.subList(0, Math.min(MAX_ROWS_LISTED, unreadable.size()))
                    + (unreadable.size() > MAX_ROWS_LISTED ? " ..." : ""));
        }
        return new Rows(header, rows);
    }

    /**
     * The raw values of the named columns of a file that need not have a target (applications to score,
     * not yet outcomes): one array per column, row by row, null where the value is missing.
     */
    public static Map<String, String[]> readColumns(Path file, List<String> wanted) {
        Rows table = rows(file);
        Map<String, String[]> columns = new LinkedHashMap<>();
        for (String name : wanted) {
            int c = table.header().indexOf(name);
            if (c < 0) {
                throw new TabularFormatException(file + ": no column '" + name + "', which the model reads; the columns are " + table.header());
            }
            String[] raw = new String[table.rows().size()];
            for (int r = 0; r < raw.length; r++) {
                String v = table.rows().get(r).get(c).trim();
                raw[r] = isMissing(v) ? null : v;
            }
            columns.put(name, raw);
        }
        return columns;
    }

    private static TabularData build(Path file, List<String> header, List<List<String>> rows, int targetIndex, String positive,
                                     Set<String> exclude) {
        List<Integer> kept = new ArrayList<>();
        Map<String, Integer> targetCounts = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            String value = rows.get(r).get(targetIndex).trim();
            if (!isMissing(value)) {
                kept.add(r);
                targetCounts.merge(value, 1, Integer::sum);
            }
        }
        if (targetCounts.size() < 2) {
            throw new TabularFormatException(file + ": the target '" + header.get(targetIndex) + "' has "
                    + (targetCounts.isEmpty() ? "no values" : "only the value '" + targetCounts.keySet().iterator().next() + "'")
                    + "; a model needs both classes");
        }
        String positiveValue = positive != null ? positive : inferPositive(file, header.get(targetIndex), targetCounts.keySet());
        if (!targetCounts.containsKey(positiveValue)) {
            throw new TabularFormatException(file + ": the positive value '" + positiveValue + "' does not occur in the target '"
                    + header.get(targetIndex) + "'; its values are " + targetCounts.keySet());
        }
        boolean[] y = new boolean[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            y[i] = rows.get(kept.get(i)).get(targetIndex).trim().equals(positiveValue);
        }
        List<Column> columns = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (c == targetIndex) {
                continue;
            }
            if (exclude.contains(name)) {
                ignored.add(name + " (excluded)");
                continue;
            }
            Column column = column(name, rows, kept, c);
            String why = whyIgnore(column);
            if (why != null) {
                ignored.add(name + " (" + why + ")");
            } else {
                columns.add(column);
            }
        }
        if (columns.isEmpty()) {
            throw new TabularFormatException(file + ": no usable input column; set aside: " + ignored);
        }
        return new TabularData(columns, y, header.get(targetIndex), positiveValue, ignored, rows.size() - kept.size());
    }

    static Column column(String name, List<List<String>> rows, List<Integer> kept, int c) {
        int present = 0;
        int numeric = 0;
        double[] numbers = new double[kept.size()];
        String[] raw = new String[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            String v = rows.get(kept.get(i)).get(c).trim();
            numbers[i] = Double.NaN;
            if (isMissing(v)) {
                continue;
            }
            raw[i] = v;
            present++;
            Double d = parseNumber(v);
            if (d != null) {
                numeric++;
                numbers[i] = d;
            }
        }
        boolean isNumeric = present > 0 && numeric >= NUMERIC_SHARE * present;
        return new Column(name, isNumeric, isNumeric ? numbers : null, raw);
    }

    private static String whyIgnore(Column column) {
        int present = 0;
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                present++;
                if (!column.numeric()) {
                    distinct.add(column.raw()[i]);
                }
            }
        }
        if (present == 0) {
            return "no values";
        }
        if (!column.numeric() && distinct.size() > Math.max(50, IDENTIFIER_SHARE * column.size())) {
            return "identifier-like: " + distinct.size() + " distinct values";
        }
        return null;
    }

    public static boolean isMissing(String value) {
        return MISSING.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /** A number, allowing a trailing % and thousands separators in quoted values; null when not a number. */
    public static Double parseNumber(String text) {
        String v = text.trim();
        double scale = 1;
        if (v.endsWith("%")) {
            v = v.substring(0, v.length() - 1).trim();
            scale = 0.01;
        }
        if (v.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            v = v.replace(",", "");
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d * scale : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String inferPositive(Path file, String target, Set<String> values) {
        if (values.size() == 2) {
            Set<String> lower = new LinkedHashSet<>();
            values.forEach(v -> lower.add(v.toLowerCase(Locale.ROOT)));
            for (List<String> pair : POSITIVE_SPELLINGS) {
                if (lower.equals(Set.copyOf(pair))) {
                    return values.stream().filter(v -> v.equalsIgnoreCase(pair.get(0))).findFirst().orElseThrow();
                }
            }
        }
        throw new TabularFormatException(file + ": cannot tell which value of the target '" + target + "' is the positive class;"
                + " its values are " + values + "; name it with --positive");
    }

    private static char detectDelimiter(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                return ',';
            }
            return CsvReader.separatorOf(header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
