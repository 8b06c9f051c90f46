package org.greencredit.core.request;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import org.greencredit.core.validation.Finite;
import org.greencredit.core.validation.Plausible;

/**
 * One month of one activity. Physical activities carry {@code quantity} and {@code unit};
 * purchased goods and services carry {@code category} and {@code spendCny}.
 */
public record ActivityLine(
        @NotNull YearMonth month,
        @NotNull Activity activity,
        @Finite @PositiveOrZero @Plausible(Plausible.Kind.QUANTITY) Double quantity,
        @Size(max = 16) String unit,
        @Size(max = 64) String category,
        @Finite @PositiveOrZero @Plausible(Plausible.Kind.MONEY) Double spendCny,
        Evidence evidence) {

    public Evidence evidenceOrDefault() {
        return evidence == null ? Evidence.SELF_REPORTED : evidence;
    }
}
