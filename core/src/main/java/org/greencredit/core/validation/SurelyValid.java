package org.greencredit.core.validation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.EnergyMeasure;
import org.greencredit.core.request.GreenBehaviours;
import org.greencredit.core.request.GreenPowerPurchase;
import org.greencredit.core.request.Limits;
import org.greencredit.core.request.LoanRequest;
import org.greencredit.core.request.Plot;
import org.greencredit.core.request.PolygonGeometry;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.Sme;

/**
 * A conservative test that a request satisfies every constraint annotated on it (apart from the long
 * lists, which {@link LongListChecks} checks): true only when Bean Validation would surely find
 * nothing, so that the reflective validation, which costs more than rating, runs only for requests
 * that may be invalid and its messages stay the ones users see. Anything it is unsure of (an invoice ledger,
 * edge values such as -0.0, a founding date near today) answers false and goes to Bean Validation;
 * {@code RequestValidatorTest} holds the two to the same answers.
 */
final class SurelyValid {
    private static final Pattern SME_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Pattern INDUSTRY = Pattern.compile("[A-T]\\d{2,4}");

    private SurelyValid() {
    }

    static boolean request(RatingRequest r) {
        return sme(r.sme()) && (r.carbonAccount() == null || account(r.carbonAccount()))
                && (r.greenBehaviours() == null || behaviours(r.greenBehaviours())) && (r.credit() == null || credit(r.credit()))
                && (r.plots() == null || plots(r.plots())) && (r.loanRequest() == null || loan(r.loanRequest()))
                && r.invoices() == null;
    }

    private static boolean sme(Sme s) {
        return s != null && text(s.id(), 64) && SME_ID.matcher(s.id()).matches() && text(s.name(), Limits.MAX_TEXT)
                && s.regionCode() != null && REGION.matcher(s.regionCode()).matches()
                && s.industryCode() != null && INDUSTRY.matcher(s.industryCode()).matches() && s.sizeClass() != null
                // @PastOrPresent reads the validator's own clock: a day's margin either way goes to Bean Validation.
                && (s.foundedOn() == null || s.foundedOn().isBefore(LocalDate.now(ZoneOffset.UTC).minusDays(1)));
    }

    private static boolean account(CarbonAccount a) {
        if (!money(a.revenueCny()) || !money(a.valueAddedCny()) || a.measures().size() > Limits.MAX_MEASURES
                || a.greenPower().size() > Limits.MAX_MONTHS) {
            return false;
        }
        for (EnergyMeasure m : a.measures()) {
            if (m == null || m.month() == null || !text(m.description(), Limits.MAX_TEXT)) {
                return false;
            }
        }
        for (GreenPowerPurchase g : a.greenPower()) {
            if (g == null || g.month() == null || g.kwh() == null || !positive(g.kwh())
                    || PlausibleValidator.problem(Plausible.Kind.QUANTITY, g.kwh()) != null
                    || (g.certificateId() != null && g.certificateId().length() > 64)) {
                return false;
            }
        }
        return true;
    }

    /** Plots and their outlines; the NDVI readings are {@link LongListChecks}'. */
    private static boolean plots(List<Plot> plots) {
        if (plots.size() > Limits.MAX_PLOTS) {
            return false;
        }
        for (Plot p : plots) {
            if (p == null || !text(p.id(), 64) || (p.declaredAreaMu() != null && !positive(p.declaredAreaMu()))
                    || (p.geometry() != null && !polygon(p.geometry()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean polygon(PolygonGeometry g) {
        List<List<List<Double>>> rings = g.coordinates();
        if (!"Polygon".equals(g.type()) || rings == null || rings.isEmpty() || rings.size() > 20) {
            return false;
        }
        for (List<List<Double>> ring : rings) {
            if (ring == null || ring.size() > Limits.MAX_POLYGON_VERTICES) {
                return false;
            }
            for (List<Double> position : ring) {
                if (position == null || position.size() < 2 || position.size() > 3) {
                    return false;
                }
                for (Double c : position) {
                    if (c == null || !Double.isFinite(c)) {
                        return false;
                    }
                }
            }
            if (RingValidator.problemOf(ring) != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean behaviours(GreenBehaviours b) {
        List<?> certifications = b.certifications();
        return share(b.eInvoiceShare()) && share(b.paperlessReceiptShare()) && share(b.greenProductShare())
                && share(b.renewableElectricityShare()) && certifications.size() <= Limits.MAX_CERTIFICATIONS
                && !certifications.contains(null)
                && (b.environmentalPenalties() == null || (b.environmentalPenalties() >= 0 && b.environmentalPenalties() <= 1000));
    }

    private static boolean credit(CreditFeatures c) {
        return (c.invoicesIssued() == null || c.invoicesIssued() >= 0) && money(c.taxPaidCny()) && money(c.existingDebtCny())
                && (c.maxPastDueDays() == null || (c.maxPastDueDays() >= 0 && c.maxPastDueDays() <= 3650))
                && (c.yearsInBusiness() == null || (positiveOrZero(c.yearsInBusiness()) && c.yearsInBusiness() <= 200));
    }

    private static boolean loan(LoanRequest l) {
        return (l.amountCny() == null || (positive(l.amountCny())
                && PlausibleValidator.problem(Plausible.Kind.LOAN_AMOUNT, l.amountCny()) == null))
                && (l.termMonths() == null || (l.termMonths() >= 1 && l.termMonths() <= 120));
    }

    /**
     * {@code @NotBlank @Size(max)}, with a margin: a first character that is no whitespace ({@code isBlank}, Hibernate
     * Validator 9) and that {@code trim()} keeps (above U+0020, earlier versions) makes the text not blank by either
     * definition; anything else goes to Bean Validation.
     */
    private static boolean text(String s, int max) {
        return s != null && !s.isEmpty() && s.length() <= max && s.charAt(0) > ' ' && !Character.isWhitespace(s.charAt(0));
    }

    /** {@code @Finite @PositiveOrZero @Plausible(MONEY)}; null passes. */
    private static boolean money(Double v) {
        return v == null || (positiveOrZero(v) && PlausibleValidator.problem(Plausible.Kind.MONEY, v) == null);
    }

    /** {@code @Finite} and 0 to 1; null passes. */
    private static boolean share(Double v) {
        return v == null || (positiveOrZero(v) && v <= 1);
    }

    /** {@code @Finite @Positive}: finite and above 0 (either zero is not). */
    private static boolean positive(double v) {
        return Double.isFinite(v) && v > 0;
    }

    /** Finite and at least 0, -0.0 left to Bean Validation. */
    private static boolean positiveOrZero(double v) {
        return Double.isFinite(v) && Double.compare(v, 0.0) >= 0;
    }
}
