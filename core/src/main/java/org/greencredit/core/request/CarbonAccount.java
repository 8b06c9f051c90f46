package org.greencredit.core.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.greencredit.core.validation.Finite;
import org.greencredit.core.validation.Plausible;

/**
 * The SME's carbon account: monthly activity lines and the revenue they are set against.
 *
 * @param revenueCny     revenue of the twelve months the lines come from (CNY)
 * @param valueAddedCny  value added of the same period when known; the carbon-efficiency
 *                       standard is defined on value added, revenue is the stated proxy
 * @param measures       energy-saving measures taken, which explain falls in energy use
 * @param greenPower     green electricity bought, by month; with certificates it lowers scope 2 (market-based)
 */
public record CarbonAccount(
        @Finite @PositiveOrZero @Plausible(Plausible.Kind.MONEY) Double revenueCny,
        @Finite @PositiveOrZero @Plausible(Plausible.Kind.MONEY) Double valueAddedCny,
        @Size(max = Limits.MAX_ACTIVITY_LINES) List<@NotNull @Valid ActivityLine> lines,
        @Size(max = Limits.MAX_MEASURES) List<@NotNull @Valid EnergyMeasure> measures,
        @Size(max = Limits.MAX_MONTHS) List<@NotNull @Valid GreenPowerPurchase> greenPower) {

    public CarbonAccount {
        lines = Lists.copyOrEmpty(lines);
        measures = Lists.copyOrEmpty(measures);
        greenPower = Lists.copyOrEmpty(greenPower);
    }

    /** An account without recorded measures. */
    public CarbonAccount(Double revenueCny, Double valueAddedCny, List<ActivityLine> lines) {
        this(revenueCny, valueAddedCny, lines, List.of(), List.of());
    }

    /** This account with other activity lines and green power bought, the rest as it is. */
    public CarbonAccount withLinesAndGreenPower(List<ActivityLine> changedLines, List<GreenPowerPurchase> changedGreenPower) {
        return new CarbonAccount(revenueCny, valueAddedCny, changedLines, measures, changedGreenPower);
    }

    /** An account without green power bought. */
    public CarbonAccount(Double revenueCny, Double valueAddedCny, List<ActivityLine> lines, List<EnergyMeasure> measures) {
        this(revenueCny, valueAddedCny, lines, measures, List.of());
    }
}
