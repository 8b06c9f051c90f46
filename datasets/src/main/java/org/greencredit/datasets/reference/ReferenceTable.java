package org.greencredit.datasets.reference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.datasets.csv.CsvFormatException;
import org.greencredit.datasets.csv.CsvReader;

/**
 * A reference table read from a CSV resource. Every table must have a {@code source}
 * column with a value on every row; a missing column, a short row or an unparsable
 * number is an error naming the file, row and column.
 */
public final class ReferenceTable {
    private final String name;
    private final byte[] content;
    private final List<Row> rows;

    private ReferenceTable(String name, byte[] content, List<Row> rows) {
        this.name = name;
        this.content = content;
        this.rows = rows;
    }

    /** Loads a table shipped under {@code /reference/} on the classpath. */
    public static ReferenceTable load(String resource, String... requiredColumns) {
        return fromClasspath("/reference/" + resource, requiredColumns);
    }

    /** Loads a table from an absolute classpath location; its name in messages is the file name. */
    public static ReferenceTable fromClasspath(String absolutePath, String... requiredColumns) {
        try (InputStream in = ReferenceTable.class.getResourceAsStream(absolutePath)) {
            if (in == null) {
                throw new IllegalStateException("table " + absolutePath + " is not on the classpath");
            }
            return parse(absolutePath.substring(absolutePath.lastIndexOf('/') + 1), in.readAllBytes(), requiredColumns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table " + absolutePath, e);
        }
    }

    public static ReferenceTable parse(String name, byte[] content, String... requiredColumns) {
        try (CsvReader csv = new CsvReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8), name)) {
            List<String> header = csv.next();
            if (header == null) {
                throw new CsvFormatException(name + ": empty table");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i).trim(), i);
            }
            List<String> required = new ArrayList<>(List.of(requiredColumns));
            required.add("source");
            for (String column : required) {
                if (!columns.containsKey(column)) {
                    throw new CsvFormatException(name + ": missing column '" + column + "'; columns are " + header);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                int line = csv.recordLine();
                if (fields.size() != header.size()) {
                    throw new CsvFormatException(name + ": line " + line + ": expected " + header.size() + " fields, found " + fields.size());
                }
                Row row = new Row(name, line, columns, fields);
                if (row.text("source").isBlank()) {
                    throw new CsvFormatException(name + ": line " + line + ": column 'source' is empty; every reference figure needs its source");
                }
                rows.add(row);
            }
            return new ReferenceTable(name, content, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public List<Row> rows() {
        return rows;
    }

    public byte[] content() {
        return content.clone();
    }

    /** One row, with typed access that fails with file, line and column. */
    public static final class Row {
        private final String table;
        private final int line;
        private final Map<String, Integer> columns;
        private final List<String> fields;

        Row(String table, int line, Map<String, Integer> columns, List<String> fields) {
            this.table = table;
            this.line = line;
            this.columns = columns;
            this.fields = fields;
        }

        public String text(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new CsvFormatException(table + ": no column '" + column + "'");
            }
            return fields.get(index).trim();
        }

        /** Whether the table has {@code column}: for columns a format added later, so that older files still read. */
        public boolean has(String column) {
            return columns.containsKey(column);
        }

        public boolean isBlank(String column) {
            return text(column).isEmpty();
        }

        public double number(String column) {
            String value = text(column);
            try {
                double d = Double.parseDouble(value);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException("not finite");
                }
                return d;
            } catch (NumberFormatException e) {
                throw new CsvFormatException(where(column) + ": '" + value + "' is not a number", e);
            }
        }

        public int integer(String column) {
            String value = text(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new CsvFormatException(where(column) + ": '" + value + "' is not an integer", e);
            }
        }

        public String where(String column) {
            return table + ": line " + line + ", column '" + column + "'";
        }
    }
}
