package org.greencredit.datasets.io;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.greencredit.core.validation.FieldError;
import org.greencredit.datasets.csv.CsvFormatException;
import org.greencredit.datasets.csv.CsvReader;
import org.greencredit.datasets.csv.CsvWriter;

/**
 * CSV with a header of flat column names (see {@link FlatSchema}). Columns may come in any
 * order and may be left out; an unknown column is an error, since its data would be lost.
 */
final class CsvFormat {
    private CsvFormat() {
    }

    static <T> RecordWriter<T> writer(OutputStream out, Class<T> type) {
        RowMapper<T> rows = new RowMapper<>(type);
        CsvWriter csv = new CsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        csv.write(rows.schema().columns().stream().map(FlatSchema.Column::name).toList());
        return new RecordWriter<>() {
            @Override
            public void write(T record) {
                Object[] values = rows.flatten(record);
                List<String> cells = new ArrayList<>(values.length);
                for (Object v : values) {
                    cells.add(v instanceof String text ? neutralised(text) : CellValues.text(v));
                }
                csv.write(cells);
            }

            @Override
            public void close() {
                Closing.unchecked(csv);
            }
        };
    }

    /**
     * A text cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return)
     * gets a leading apostrophe, which spreadsheets show as text (OWASP CSV injection); {@link #restored}
     * removes it again, so the file still reads back to the same record.
     */
    static String neutralised(String text) {
        return startsLikeAFormula(text, 0) || (text.startsWith("'") && startsLikeAFormula(text, 1)) ? "'" + text : text;
    }

    static String restored(String cell) {
        return cell != null && cell.startsWith("'") && (startsLikeAFormula(cell, 1) || (cell.startsWith("'", 1) && startsLikeAFormula(cell, 2)))
                ? cell.substring(1) : cell;
    }

    private static boolean startsLikeAFormula(String text, int at) {
        return text.length() > at && "=+-@\t\r".indexOf(text.charAt(at)) >= 0;
    }

    /** How much of a file decides its encoding. */
    private static final int SNIFF_BYTES = 1 << 16;
    private static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * UTF-8, unless the file's first {@value #SNIFF_BYTES} bytes are not UTF-8 but are GB18030 text with Chinese characters
     * in it: Excel on Chinese Windows saves CSV in GBK (a subset of GB18030), and a firm's name read as anything else is
     * stored garbled. Leaves the stream where it was.
     */
    static Charset charsetOf(BufferedInputStream in) {
        try {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            boolean whole = head.length < SNIFF_BYTES;
            if (decodes(head, StandardCharsets.UTF_8, whole) != null) {
                return StandardCharsets.UTF_8;
            }
            String gb = decodes(head, GB18030, whole);
            return gb != null && gb.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    ? GB18030 : StandardCharsets.UTF_8;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text, or null when the bytes are not in the charset; a character cut at the end of a partial head is no error. */
    private static String decodes(byte[] bytes, Charset charset, boolean whole) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, whole);
        if (result.isError() || whole && decoder.flush(out).isError()) {
            return null;
        }
        return out.flip().toString();
    }

    private static String notUtf8(String name, int line, UncheckedIOException e) {
        return e.getCause() instanceof CharacterCodingException
                ? name + ": from line " + line + " the file is neither UTF-8 nor GB18030 (GBK) text; save it as UTF-8 (in Excel: CSV UTF-8)"
                : name + ": cannot be read: " + e.getMessage();
    }

    static <T> RecordReader<T> reader(InputStream in, Class<T> type, String name) {
        RowMapper<T> rows = new RowMapper<>(type);
        FlatSchema schema = rows.schema();
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES);
        // Strict decoding either way: a file that is neither UTF-8 nor GB18030 Chinese text is refused, never stored with
        // U+FFFD for every name.
        CsvReader csv = new CsvReader(new InputStreamReader(buffered, charsetOf(buffered).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), name);
        List<String> header;
        try {
            header = csv.next();
        } catch (UncheckedIOException e) {
            throw new RecordFormatException(notUtf8(name, 1, e));
        }
        if (header == null) {
            throw new RecordFormatException(name + ": empty file, expected a header row");
        }
        int[] target = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).trim();
            FlatSchema.Column c = schema.column(column);
            if (c == null) {
                throw new RecordFormatException(name + ": unknown column '" + column + "' (column " + (i + 1)
                        + "); known columns: " + schema.columns().stream().map(FlatSchema.Column::name).toList());
            }
            target[i] = schema.columns().indexOf(c);
            for (int j = 0; j < i; j++) {
                if (target[j] == target[i]) {
                    throw new RecordFormatException(name + ": column '" + column + "' appears twice (columns " + (j + 1) + " and " + (i + 1)
                            + "); one of the two would be lost");
                }
            }
        }
        return new RecordReader<>() {
            private List<String> next;
            private long nextLine;
            private ReadRow<T> unreadable;

            {
                advance();
            }

            private void advance() {
                try {
                    do {
                        next = csv.next();
                        nextLine = csv.recordLine();
                    } while (next != null && next.size() == 1 && next.get(0).isBlank() && header.size() > 1);
                } catch (CsvFormatException e) {
                    // Malformed quoting swallows the rest of the file: report it once, as a row, then stop.
                    next = null;
                    unreadable = ReadRow.failed(csv.recordLine(), List.of(new FieldError("$", e.getMessage())));
                } catch (UncheckedIOException e) {
                    next = null;
                    unreadable = ReadRow.failed(csv.recordLine() + 1, List.of(new FieldError("$", notUtf8(name, csv.recordLine() + 1, e))));
                }
            }

            @Override
            public boolean hasNext() {
                return next != null || unreadable != null;
            }

            @Override
            public ReadRow<T> next() {
                if (next == null) {
                    if (unreadable == null) {
                        throw new NoSuchElementException();
                    }
                    ReadRow<T> failed = unreadable;
                    unreadable = null;
                    return failed;
                }
                List<String> fields = next;
                long line = nextLine;
                advance();
                if (fields.size() != header.size()) {
                    return ReadRow.failed(line, List.of(new FieldError("$", "expected " + header.size()
                            + " fields as in the header, found " + fields.size())));
                }
                Object[] values = new Object[schema.columns().size()];
                try {
                    for (int i = 0; i < fields.size(); i++) {
                        values[target[i]] = CellValues.typed(schema.columns().get(target[i]), restored(fields.get(i)));
                    }
                } catch (CellValues.BadCell e) {
                    return ReadRow.failed(line, List.of(e.error));
                }
                return rows.unflatten(line, values);
            }

            @Override
            public void close() {
                Closing.unchecked(csv);
            }
        };
    }
}
