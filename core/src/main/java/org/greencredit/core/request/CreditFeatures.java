package org.greencredit.core.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.greencredit.core.validation.Finite;
import org.greencredit.core.validation.Plausible;

/** What the SME leaves behind in its accounts: flows, invoices, tax, debt and repayment. */
public record CreditFeatures(
        @Size(max = Limits.MAX_MONTHS) List<@NotNull @Finite @PositiveOrZero @Plausible(Plausible.Kind.MONEY) Double> monthlyInflowsCny,
        @Size(max = Limits.MAX_MONTHS) List<@NotNull @Finite @PositiveOrZero @Plausible(Plausible.Kind.MONEY) Double> monthlyOutflowsCny,
        @PositiveOrZero Integer invoicesIssued,
        @Finite @PositiveOrZero @Plausible(Plausible.Kind.MONEY) Double taxPaidCny,
        @Finite @PositiveOrZero @Plausible(Plausible.Kind.MONEY) Double existingDebtCny,
        @PositiveOrZero @Max(3650) Integer maxPastDueDays,
        @Finite @PositiveOrZero @Max(200) Double yearsInBusiness) {

    public CreditFeatures {
        monthlyInflowsCny = Lists.copyOrEmpty(monthlyInflowsCny);
        monthlyOutflowsCny = Lists.copyOrEmpty(monthlyOutflowsCny);
    }
}
