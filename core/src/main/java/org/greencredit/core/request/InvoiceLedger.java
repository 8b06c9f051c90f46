package org.greencredit.core.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A firm's e-invoices: those it issued (sales) and those it received (purchases). */
public record InvoiceLedger(
        @Size(max = Limits.MAX_INVOICES) List<@NotNull @Valid Invoice> sales,
        @Size(max = Limits.MAX_INVOICES) List<@NotNull @Valid Invoice> purchases) {

    public InvoiceLedger {
        sales = Lists.copyOrEmpty(sales);
        purchases = Lists.copyOrEmpty(purchases);
    }
}
