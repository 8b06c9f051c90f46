package org.greencredit.datasets.io;

/** An input that cannot be read at all (unknown format, unknown column, broken file), as opposed to one bad row. */
public final class RecordFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordFormatException(String message) {
        super(message);
    }

    public RecordFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
