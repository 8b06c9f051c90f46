package org.greencredit.datasets.invoices;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.greencredit.datasets.csv.CsvFormatException;
import org.greencredit.datasets.csv.CsvReader;

/**
 * Text files whose encoding is not declared: read as UTF-8 when every byte sequence is valid UTF-8,
 * otherwise as GB18030, the superset of GBK that Excel on Chinese Windows writes when it saves CSV.
 * Valid UTF-8 is almost never valid-looking GBK text by accident, so the order decides well. The file
 * is streamed, not loaded: a read that meets bytes that are not UTF-8 starts again in GB18030.
 */
final class TextDecoding {
    static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {
    }

    /** Reads the whole file from a reader. */
    @FunctionalInterface
    interface Reading<T> {
        T read(BufferedReader in, Charset charset) throws IOException;
    }

    static <T> T read(Path path, Reading<T> reading) {
        try {
            return attempt(path, StandardCharsets.UTF_8, reading);
        } catch (CharacterCodingException notUtf8) {
            try {
                return attempt(path, GB18030, reading);
            } catch (CharacterCodingException neither) {
                throw new InvoiceFileException(path + ": the file is neither UTF-8 nor GBK/GB18030 text; save it as CSV UTF-8");
            }
        }
    }

    private static <T> T attempt(Path path, Charset charset, Reading<T> reading) throws CharacterCodingException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(path), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            return reading.read(in, charset);
        } catch (CharacterCodingException e) {
            throw e;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw coding;
            }
            throw e;
        } catch (NoSuchFileException e) {
            throw new InvoiceFileException(path + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a delimited file through {@link CsvReader}. */
    @FunctionalInterface
    interface CsvReading<T> {
        T read(CsvReader csv, Charset charset) throws IOException;
    }

    /**
     * Reads a delimited text file in its detected encoding, with the separator its first line uses; malformed quoting
     * stops the read as an {@link InvoiceFileException} naming the line.
     */
    static <T> T readCsv(Path path, CsvReading<T> reading) {
        return read(path, (in, charset) -> {
            in.mark(1 << 16);
            String first = in.readLine();
            in.reset();
            try (CsvReader csv = new CsvReader(in, path.toString(), CsvReader.separatorOf(first == null ? "" : first))) {
                return reading.read(csv, charset);
            } catch (CsvFormatException e) {
                throw new InvoiceFileException(e.getMessage());
            }
        });
    }
}
