package org.greencredit.datasets.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats records are read from and written to, chosen by file extension. */
public enum RecordFormat {
    JSON_LINES, CSV, ARROW_FILE, ARROW_STREAM;

    /** {@code .jsonl .ndjson .json} JSON lines; {@code .csv}; {@code .arrow .feather .ipc} Arrow file; {@code .arrows} Arrow stream. */
    public static RecordFormat forFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSON_LINES;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".arrow") || name.endsWith(".feather") || name.endsWith(".ipc")) {
            return ARROW_FILE;
        }
        if (name.endsWith(".arrows")) {
            return ARROW_STREAM;
        }
        throw new RecordFormatException("cannot tell the format of '" + fileName
                + "' from its extension; use .jsonl (JSON lines), .csv, .arrow (Arrow IPC file) or .arrows (Arrow IPC stream)");
    }

    public <T> RecordWriter<T> writer(OutputStream out, Class<T> type) {
        return switch (this) {
            case JSON_LINES -> JsonLinesFormat.writer(out);
            case CSV -> CsvFormat.writer(out, type);
            case ARROW_FILE -> ArrowFormat.writer(out, type, true);
            case ARROW_STREAM -> ArrowFormat.writer(out, type, false);
        };
    }

    /** Reads from a stream; the Arrow file format needs random access, so it is read from a path only. */
    public <T> RecordReader<T> reader(InputStream in, Class<T> type, String name) {
        return switch (this) {
            case JSON_LINES -> JsonLinesFormat.reader(in, type);
            case CSV -> CsvFormat.reader(in, type, name);
            case ARROW_STREAM -> ArrowFormat.streamReader(in, type, name);
            case ARROW_FILE -> throw new RecordFormatException(name + ": the Arrow file format needs a file; send the Arrow stream format");
        };
    }

    public static <T> RecordWriter<T> openWriter(Path path, Class<T> type) {
        RecordFormat format = forFileName(path.getFileName().toString());
        try {
            return format.writer(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    public static <T> RecordReader<T> openReader(Path path, Class<T> type) {
        RecordFormat format = forFileName(path.getFileName().toString());
        try {
            if (format == ARROW_FILE) {
                return ArrowFormat.fileReader(Files.newByteChannel(path), type, path.toString());
            }
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            return format.reader(in, type, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
