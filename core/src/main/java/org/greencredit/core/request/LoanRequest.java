package org.greencredit.core.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.greencredit.core.validation.Finite;

/** What the applicant asks for. */
public record LoanRequest(
        @Finite @Positive Double amountCny,
        @Min(1) @Max(120) Integer termMonths,
        LoanPurpose purpose) {
}
