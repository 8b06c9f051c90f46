package org.greencredit.core.rating;

import java.util.List;

/**
 * The carbon account in kgCO2e. Intensity is scope 1+2 kgCO2e per 10k CNY of revenue (or of
 * value added when given), annualised over the months the lines cover, as the carbon-efficiency
 * standard measures energy-related emissions; scope 3 is reported but not benchmarked.
 *
 * @param yoyChange         scope 1+2 change of the latest twelve months against the twelve before (needs 24 months)
 * @param trendPerYear      slope of rolling twelve-month scope 1+2 totals per year, relative (needs 13 months); seasons cancel
 * @param physicalDataShare share of emissions computed from physical (not spend-based) data
 * @param dataQuality       emission-weighted PCAF-style score, 1 (metered) .. 5 (estimated)
 * @param scope2MarketBasedKg scope 2 less the certified green electricity bought, each month at most the electricity used,
 *                          valued at that month's grid factor (GHG Protocol Scope 2 Guidance, market-based method); the
 *                          intensity reads this, as the carbon-efficiency standard deducts zero-carbon electricity
 * @param greenPowerKwh     certified green electricity counted (kWh)
 */
public record CarbonAssessment(
        double scope1Kg,
        double scope2Kg,
        double scope3Kg,
        double totalKg,
        Double intensityKgPer10kCny,
        String intensityBasis,
        int monthsCovered,
        Double yoyChange,
        Double trendPerYear,
        Double physicalDataShare,
        Double dataQuality,
        List<CarbonLine> lines,
        List<Anomaly> anomalies,
        double scope2MarketBasedKg,
        double greenPowerKwh) {

    public CarbonAssessment {
        lines = List.copyOf(lines);
        anomalies = List.copyOf(anomalies);
    }

    /** This account with one more anomaly flag. */
    public CarbonAssessment withAnomaly(Anomaly anomaly) {
        List<Anomaly> more = new java.util.ArrayList<>(anomalies);
        more.add(anomaly);
        return new CarbonAssessment(scope1Kg, scope2Kg, scope3Kg, totalKg, intensityKgPer10kCny, intensityBasis, monthsCovered,
                yoyChange, trendPerYear, physicalDataShare, dataQuality, lines, more, scope2MarketBasedKg, greenPowerKwh);
    }
}
