package org.greencredit.datasets.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: quoted fields may hold commas, quotes ({@code ""}) and line breaks;
 * CRLF and LF both end a record; a UTF-8 byte-order mark is dropped. Reports malformed
 * quoting with the line it starts on.
 */
public final class CsvReader implements Closeable {
    private final BufferedReader in;
    private final String name;
    private final char separator;
    private int line = 1;
    private int recordLine;
    private boolean first = true;

    public CsvReader(Reader in, String name) {
        this(in, name, ',');
    }

    public CsvReader(Reader in, String name, char separator) {
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        this.name = name;
        this.separator = separator;
    }

    /**
     * The separator a header line uses: tab or semicolon when it has more of them than commas (exports from spreadsheets in
     * locales with a decimal comma), else comma.
     */
    public static char separatorOf(String headerLine) {
        long commas = headerLine.chars().filter(c -> c == ',').count();
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        return tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    /** The physical line the last record returned by {@link #next()} started on (1-based). */
    public int recordLine() {
        return recordLine;
    }

    /** Returns the next record's fields, or null at end of input. Blank lines are returned as a single empty field. */
    public List<String> next() {
        try {
            int c = in.read();
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    c = in.read();
                }
            }
            if (c == -1) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new CsvFormatException(name + ": line " + recordLine + ": a quoted field is never closed");
                    }
                    if (c == '"') {
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = next;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    fields.add(field.toString());
                    return fields;
                } else if (wasQuoted) {
                    throw new CsvFormatException(name + ": line " + line + ": unexpected character '" + (char) c
                            + "' after a closing quote in field " + (fields.size() + 1));
                } else {
                    field.append((char) c);
                }
                c = in.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
