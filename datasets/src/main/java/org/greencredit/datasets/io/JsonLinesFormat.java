package org.greencredit.datasets.io;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.greencredit.core.validation.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** One JSON document per line (JSON lines / NDJSON); blank lines are ignored; row numbers are line numbers. */
final class JsonLinesFormat {
    private JsonLinesFormat() {
    }

    static <T> RecordWriter<T> writer(OutputStream out) {
        JsonMapper mapper = GreenCreditJson.mapper();
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        return new RecordWriter<>() {
            @Override
            public void write(T record) {
                try {
                    w.write(mapper.writeValueAsString(record));
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                Closing.unchecked(w);
            }
        };
    }

    static <T> RecordReader<T> reader(InputStream in, Class<T> type) {
        JsonMapper mapper = GreenCreditJson.mapper();
        ByteLines lines = new ByteLines(in);
        return new RecordReader<>() {
            private long lineNumber;
            private byte[] next;
            /** Whether {@code next} holds the line after the last one returned: a line is read only when asked for. */
            private boolean fetched;

            /**
             * The next line that is not blank, as raw bytes (decoded, strictly, by its pending row); null at the end.
             *
             * @throws RecordFormatException when the stream fails (a dropped connection, a body cut off): every line
             *                               before was returned, so the caller can say where the input broke off
             */
            private byte[] advance() {
                try {
                    byte[] line;
                    do {
                        line = lines.next();
                        lineNumber++;
                    } while (line != null && isBlank(line));
                    return line;
                } catch (IOException | UncheckedIOException e) {
                    throw new RecordFormatException("the input could not be read after line " + lineNumber + ": " + e.getMessage(), e);
                }
            }

            @Override
            public boolean hasNext() {
                if (!fetched) {
                    next = advance();
                    fetched = true;
                }
                return next != null;
            }

            @Override
            public ReadRow<T> next() {
                return nextPending().decode();
            }

            /** The line as read; parsing it, most of the cost, is left to whoever decodes. */
            @Override
            public PendingRow<T> nextPending() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                byte[] line = next;
                long number = lineNumber;
                fetched = false;
                return new PendingRow<>() {
                    @Override
                    public long number() {
                        return number;
                    }

                    @Override
                    public ReadRow<T> decode() {
                        return JsonLinesFormat.decode(mapper, type, number, line);
                    }
                };
            }

            @Override
            public void close() {
                Closing.unchecked(in);
            }
        };
    }

    static <T> ReadRow<T> decode(JsonMapper mapper, Class<T> type, long number, byte[] line) {
        String text = strictUtf8(line);
        if (text == null) {
            // The same answer as the single-rating path: invalid UTF-8 is refused, never stored as U+FFFD.
            return ReadRow.failed(number, List.of(new FieldError("$", "the line is not valid UTF-8")));
        }
        try {
            T value = mapper.readValue(text, type);
            if (value == null) {
                return ReadRow.failed(number, List.of(new FieldError("$", "the line holds null, not a request")));
            }
            return ReadRow.ok(number, value);
        } catch (JacksonException e) {
            return ReadRow.failed(number, List.of(GreenCreditJson.toFieldError(e)));
        }
    }

    /**
     * The line as text, or null when it is not well-formed UTF-8. The JDK's lenient decoding is fast; only a line
     * in which it put a replacement character (invalid input, or a U+FFFD sent as such) is decoded again strictly.
     */
    private static String strictUtf8(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Lines of a byte stream, split on {@code \n} (a {@code \r} before it dropped), without decoding them. */
    private static final class ByteLines {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;

        ByteLines(InputStream in) {
            this.in = in;
        }

        /** The next line, or null at the end of the stream. */
        byte[] next() throws IOException {
            ByteArrayOutputStream line = null;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return line == null ? null : trimCr(line.toByteArray());
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                if (line == null) {
                    line = new ByteArrayOutputStream(Math.max(64, position - start));
                }
                line.write(buffer, start, position - start);
                if (position < limit) {
                    position++;
                    return trimCr(line.toByteArray());
                }
            }
        }

        private static byte[] trimCr(byte[] line) {
            return line.length > 0 && line[line.length - 1] == '\r' ? Arrays.copyOf(line, line.length - 1) : line;
        }
    }

    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
