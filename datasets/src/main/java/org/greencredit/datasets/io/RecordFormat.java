package org.greencredit.datasets.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

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
            throw new UncheckedIOException("cannot write " + path + ": " + why(e, path), e);
        }
    }

    /**
     * One line of JSON lines input decoded as the readers of this class decode it (strict UTF-8, the JSON contract), for
     * engines that split the lines themselves, such as Spark.
     */
    public static <T> ReadRow<T> decodeJsonLine(Class<T> type, long number, byte[] line) {
        return JsonLinesFormat.decode(SharedMapper.INSTANCE, type, number, line);
    }

    /** Whether a JSON lines reader skips this line: empty or only white space. */
    public static boolean isBlankJsonLine(byte[] line) {
        return JsonLinesFormat.isBlank(line);
    }

    /** Reads a file; its reader's {@link RecordReader#progress()} is the share of the file's bytes consumed. */
    public static <T> RecordReader<T> openReader(Path path, Class<T> type) {
        RecordFormat format = forFileName(path.getFileName().toString());
        try {
            long size = Files.size(path);
            if (format == ARROW_FILE) {
                SeekableByteChannel channel = Files.newByteChannel(path);
                return withProgress(ArrowFormat.fileReader(channel, type, path.toString()), () -> channel.isOpen() ? channel.position() : size,
                        size);
            }
            CountingInputStream counted = new CountingInputStream(Files.newInputStream(path));
            return withProgress(format.reader(new BufferedInputStream(counted, 1 << 16), type, path.toString()), counted::count, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + why(e, path), e);
        }
    }

    /** What went wrong, in words: Java's file exceptions often carry only the path as their message. */
    private static String why(IOException e, Path path) {
        Path parent = path.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException) {
            return parent != null && !Files.isDirectory(parent) ? "the directory " + parent + " does not exist" : "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    /** Where in a file reading is, in bytes. */
    private interface Position {
        long bytes() throws IOException;
    }

    private static <T> RecordReader<T> withProgress(RecordReader<T> reader, Position position, long size) {
        return new RecordReader<>() {
            private boolean ended;

            @Override
            public boolean hasNext() {
                ended = !reader.hasNext();
                return !ended;
            }

            @Override
            public ReadRow<T> next() {
                return reader.next();
            }

            @Override
            public PendingRow<T> nextPending() {
                return reader.nextPending();
            }

            @Override
            public void close() {
                reader.close();
            }

            @Override
            public double progress() {
                try {
                    // At the end, whatever is left unread (an Arrow file's footer, read first) does not count.
                    return ended || size == 0 ? 1.0 : Math.min(1.0, position.bytes() / (double) size);
                } catch (IOException e) {
                    return Double.NaN;
                }
            }
        };
    }

    /** One mapper for all single lines: building one costs far more than decoding a line. */
    private static final class SharedMapper {
        static final JsonMapper INSTANCE = GreenCreditJson.mapper();
    }

    private static final class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
