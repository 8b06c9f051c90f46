package org.greencredit.models.credit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.GreenBehaviours;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;

/**
 * Turns a request into the model's features. A feature that cannot be computed is null, never
 * guessed: the scorecard has an explicit bin for missing values, and the explanation lists them.
 */
public final class CreditFeatureExtractor {
    /** Fewest months of flows for volatility, and for growth (first three against last three). */
    private static final int MIN_MONTHS_VOLATILITY = 3;
    private static final int MIN_MONTHS_GROWTH = 6;

    /** The features {@link #extract} computes, in its order: what a model the engine runs may read, with the ledger's. */
    public static final List<String> NAMES = List.of("leverage", "maxPastDueDays", "inflowVolatility", "inflowGrowth", "yearsInBusiness",
            "taxToInflow", "eInvoiceShare", "paperlessShare", "greenProductShare", "renewableShare", "energySavingEquipment",
            "microEnterprise", "carbonEfficiencyK", "intensityYoy");

    private CreditFeatureExtractor() {
    }

    /**
     * @param carbonEfficiencyK firm intensity over its industry benchmark, null when not assessed
     * @param intensityYoy      year-on-year change of scope 1+2 emissions, null when not assessed
     */
    public static Map<String, Double> extract(RatingRequest request, Double carbonEfficiencyK, Double intensityYoy) {
        Map<String, Double> features = new LinkedHashMap<>();
        CreditFeatures credit = request.credit();
        List<Double> inflows = credit == null ? List.of() : credit.monthlyInflowsCny();
        Double annualInflow = inflows.isEmpty() ? null : mean(inflows) * 12.0;
        boolean flows = annualInflow != null && annualInflow > 0;
        features.put("leverage", flows && credit.existingDebtCny() != null ? credit.existingDebtCny() / annualInflow : null);
        features.put("maxPastDueDays", credit == null || credit.maxPastDueDays() == null ? null : credit.maxPastDueDays().doubleValue());
        features.put("inflowVolatility", flows && inflows.size() >= MIN_MONTHS_VOLATILITY ? coefficientOfVariation(inflows) : null);
        features.put("inflowGrowth", flows && inflows.size() >= MIN_MONTHS_GROWTH ? growth(inflows) : null);
        features.put("yearsInBusiness", yearsInBusiness(request));
        features.put("taxToInflow", flows && credit.taxPaidCny() != null ? credit.taxPaidCny() / annualInflow : null);
        GreenBehaviours b = request.greenBehaviours();
        features.put("eInvoiceShare", b == null ? null : b.eInvoiceShare());
        features.put("paperlessShare", b == null ? null : b.paperlessReceiptShare());
        features.put("greenProductShare", b == null ? null : b.greenProductShare());
        features.put("renewableShare", b == null ? null : b.renewableElectricityShare());
        features.put("energySavingEquipment", b == null || b.energySavingEquipment() == null ? null : b.energySavingEquipment() ? 1.0 : 0.0);
        features.put("microEnterprise", request.sme().sizeClass() == SizeClass.MICRO ? 1.0 : 0.0);
        features.put("carbonEfficiencyK", carbonEfficiencyK);
        features.put("intensityYoy", intensityYoy);
        return features;
    }

    /** Average monthly inflow, or null without flows. */
    public static Double averageMonthlyInflow(RatingRequest request) {
        if (request.credit() == null || request.credit().monthlyInflowsCny().isEmpty()) {
            return null;
        }
        return mean(request.credit().monthlyInflowsCny());
    }

    private static Double yearsInBusiness(RatingRequest request) {
        if (request.credit() != null && request.credit().yearsInBusiness() != null) {
            return request.credit().yearsInBusiness();
        }
        LocalDate founded = request.sme().foundedOn();
        YearMonth asOf = latestMonth(request);
        if (founded == null || asOf == null) {
            return null;
        }
        // Measured to the latest month of data, not to today, so the same request always scores the same.
        return Math.max(0, ChronoUnit.DAYS.between(founded, asOf.atEndOfMonth()) / 365.25);
    }

    private static YearMonth latestMonth(RatingRequest request) {
        if (request.carbonAccount() == null) {
            return null;
        }
        return request.carbonAccount().lines().stream().map(ActivityLine::month).max(YearMonth::compareTo).orElse(null);
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    private static double coefficientOfVariation(List<Double> values) {
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / values.size()) / m;
    }

    private static double growth(List<Double> values) {
        double first = mean(values.subList(0, 3));
        double last = mean(values.subList(values.size() - 3, values.size()));
        return first > 0 ? last / first - 1.0 : 0.0;
    }
}
