package org.greencredit.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The small tables kept beside the code as UTF-8 tab-separated text (display texts, plausibility
 * bounds): a header line naming the columns, then one row per line; blank lines and lines starting
 * with {@code #} are comments. Every field of a row must be filled: a gap is a start-up error naming
 * the file and line, never a blank on a page or a missing bound.
 */
public final class TabSeparated {
    /** One row with the line it stands on (1-based), its fields in the header's order, as written. */
    public record Row(int line, List<String> fields) {
        public String get(int column) {
            return fields.get(column);
        }
    }

    private TabSeparated() {
    }

    public static List<Row> fromClasspath(String resource, List<String> header) {
        try (InputStream in = TabSeparated.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static List<Row> parse(String name, String content, List<String> header) {
        List<String> lines = content.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(String.join("\t", header))) {
            throw new IllegalStateException(name + ": line 1 must be the header '" + String.join("<TAB>", header) + "'");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = List.of(line.split("\t", -1));
            if (fields.size() != header.size() || fields.stream().anyMatch(String::isBlank)) {
                throw new IllegalStateException(name + ": line " + (i + 1) + ": expected " + String.join(", ", header)
                        + " separated by tabs, all non-empty");
            }
            rows.add(new Row(i + 1, fields));
        }
        return rows;
    }
}
