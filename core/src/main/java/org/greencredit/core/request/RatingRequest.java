package org.greencredit.core.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Everything known about one SME or farm at the time of rating. Only {@link #sme} is
 * required: a thin-file applicant is rated on what it has, and the rating says what it
 * could not assess. {@code invoices}, the firm's e-invoice ledger, stands in for a credit history that a
 * firm new to credit does not have.
 */
public record RatingRequest(
        @NotNull @Valid Sme sme,
        @Valid CarbonAccount carbonAccount,
        @Valid GreenBehaviours greenBehaviours,
        @Valid CreditFeatures credit,
        @Size(max = Limits.MAX_PLOTS) List<@NotNull @Valid Plot> plots,
        @Valid LoanRequest loanRequest,
        @Valid InvoiceLedger invoices) {

    public RatingRequest {
        plots = Lists.copyOrNull(plots);
    }

    /** A request without an e-invoice ledger. */
    public RatingRequest(Sme sme, CarbonAccount carbonAccount, GreenBehaviours greenBehaviours, CreditFeatures credit, List<Plot> plots,
                         LoanRequest loanRequest) {
        this(sme, carbonAccount, greenBehaviours, credit, plots, loanRequest, null);
    }

    /** This request with another carbon account (what-if changes, views of synthetic firms). */
    public RatingRequest withCarbonAccount(CarbonAccount changed) {
        return new RatingRequest(sme, changed, greenBehaviours, credit, plots, loanRequest, invoices);
    }

    public RatingRequest withGreenBehaviours(GreenBehaviours changed) {
        return new RatingRequest(sme, carbonAccount, changed, credit, plots, loanRequest, invoices);
    }

    public RatingRequest withCredit(CreditFeatures changed) {
        return new RatingRequest(sme, carbonAccount, greenBehaviours, changed, plots, loanRequest, invoices);
    }

    public RatingRequest withInvoices(InvoiceLedger changed) {
        return new RatingRequest(sme, carbonAccount, greenBehaviours, credit, plots, loanRequest, changed);
    }

    public boolean hasPlots() {
        return plots != null && !plots.isEmpty();
    }
}
