package org.greencredit.core.request;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import org.greencredit.core.validation.Finite;
import org.greencredit.core.validation.Plausible;

/**
 * Green electricity the firm bought in one month (绿电 under a green power contract, or green certificates, 绿证, retired
 * for its use). With a certificate id it is evidence: the kWh count as zero-carbon electricity, deducted from scope 2
 * (market-based) and from the intensity the carbon-efficiency level reads; without one it is the firm's claim.
 *
 * @param certificateId the green electricity certificate (GEC, 1 per MWh) or green power trade record, when there is one
 */
public record GreenPowerPurchase(
        @NotNull YearMonth month,
        @NotNull @Finite @Positive @Plausible(Plausible.Kind.QUANTITY) Double kwh,
        @Size(max = 64) String certificateId) {

    public boolean certified() {
        return certificateId != null && !certificateId.isBlank();
    }
}
