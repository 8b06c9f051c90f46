package org.greencredit.core.carbon;

import org.greencredit.core.request.Activity;
import org.greencredit.core.request.Evidence;

/** The emission-factor and data-quality tables the accountant needs; the datasets module provides them. */
public interface FactorCatalog {

    /** Grid factor per kWh for the province (GB/T 2260 two-digit code) and data year, with any fallback stated in its source. */
    Factor electricity(String provinceCode, int year);

    /** Factor per GJ of purchased heat. */
    Factor heat(int year);

    /** Factor of a fuel burnt on site (scope 1), per the unit the factor names (t, or m3 for natural gas). */
    Factor fuel(Activity fuel);

    /** Density in kg/L of a liquid fuel, to turn litres into tonnes. */
    double densityKgPerLitre(Activity fuel);

    /** Spend-based factor per CNY for a purchased-goods category. */
    Factor spendPerCny(String category, int year);

    /** PCAF-style data-quality score 1..5 of a line. */
    int dataQuality(boolean spendBased, Evidence evidence);

    /** Version of the factor tables (content hash), reported in every rating. */
    String version();
}
