package org.greencredit.datasets.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
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
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        return new RecordReader<>() {
            private long lineNumber;
            private String next = advance();

            private String advance() {
                try {
                    String line;
                    do {
                        line = r.readLine();
                        lineNumber++;
                    } while (line != null && line.isBlank());
                    return line;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ReadRow<T> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                String line = next;
                long number = lineNumber;
                next = advance();
                try {
                    return ReadRow.ok(number, mapper.readValue(line, type));
                } catch (JacksonException e) {
                    return ReadRow.failed(number, List.of(GreenCreditJson.toFieldError(e)));
                }
            }

            @Override
            public void close() {
                Closing.unchecked(r);
            }
        };
    }
}
