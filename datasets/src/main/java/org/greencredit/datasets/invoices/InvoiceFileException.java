package org.greencredit.datasets.invoices;

/** A ledger file that cannot be read at all; the message names the file and what to change. */
public final class InvoiceFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvoiceFileException(String message) {
        super(message);
    }
}
