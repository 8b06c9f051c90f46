package org.greencredit.core.rating;

import java.time.YearMonth;

/** One activity line with the factor applied and where that factor comes from. */
public record CarbonLine(
        YearMonth month,
        String activity,
        String category,
        int scope,
        double quantity,
        String unit,
        double factor,
        String factorUnit,
        String factorSource,
        int factorYear,
        double kgCo2e,
        int dataQuality) {
}
