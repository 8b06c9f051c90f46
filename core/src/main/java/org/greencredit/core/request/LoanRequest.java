package org.greencredit.core.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.greencredit.core.validation.Finite;
import org.greencredit.core.validation.Plausible;

/** What the applicant asks for. */
public record LoanRequest(
        @Finite @Positive @Plausible(Plausible.Kind.LOAN_AMOUNT) Double amountCny,
        @Min(1) @Max(120) Integer termMonths,
        LoanPurpose purpose) {
}
