package org.greencredit.datasets.invoices;

import org.greencredit.core.request.Invoice;

/** One readable row of a ledger file: the firm it belongs to, where it is, and the invoice. */
public record InvoiceRow(String firmId, long line, Invoice invoice) {
}
