package org.greencredit.datasets.csv;

/** Malformed CSV or a CSV value that does not fit its column; the message names file, line and column. */
public final class CsvFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CsvFormatException(String message) {
        super(message);
    }

    public CsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
