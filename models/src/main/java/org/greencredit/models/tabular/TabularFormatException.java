package org.greencredit.models.tabular;

/** A data file that cannot be used as it is, with what to change. */
public final class TabularFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TabularFormatException(String message) {
        super(message);
    }
}
