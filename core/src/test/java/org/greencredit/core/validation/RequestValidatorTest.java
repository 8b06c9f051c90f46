package org.greencredit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.Certification;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.Crop;
import org.greencredit.core.request.EnergyMeasure;
import org.greencredit.core.request.Evidence;
import org.greencredit.core.request.GreenBehaviours;
import org.greencredit.core.request.GreenPowerPurchase;
import org.greencredit.core.request.LoanPurpose;
import org.greencredit.core.request.LoanRequest;
import org.greencredit.core.request.NdviObservation;
import org.greencredit.core.request.Plot;
import org.greencredit.core.request.PolygonGeometry;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {
    /** Two provinces, one section, two spend categories: enough to tell known from unknown. */
    private static final ReferenceCodes CODES = new ReferenceCodes() {
        @Override
        public boolean isKnownRegion(String code) {
            return code.startsWith("33") || code.startsWith("14");
        }

        @Override
        public boolean isKnownIndustry(String code) {
            return code.startsWith("C13") || code.startsWith("C14");
        }

        @Override
        public boolean isKnownSpendCategory(String category) {
            return spendCategories().contains(category);
        }

        @Override
        public Collection<String> spendCategories() {
            return Set.of("PACKAGING", "PAPER");
        }
    };
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.UTC);
    private static final RequestValidator VALIDATOR = new RequestValidator(CODES, CLOCK);
    private static final Sme SME = new Sme("S1", "测试", "330802", "C1391", SizeClass.MICRO, null);

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    private static List<String> fields(RatingRequest request) {
        return VALIDATOR.problems(request).stream().map(FieldError::field).toList();
    }

    @Test
    void aRequestWithOnlyAnSmeIsValid() {
        assertThat(VALIDATOR.problems(new RatingRequest(SME, null, null, null, null, null))).isEmpty();
    }

    @Test
    void greenPowerBoughtBeyondTheElectricityUsedInItsMonthIsRefusedNamingIt() {
        YearMonth month = YearMonth.of(2025, 3);
        CarbonAccount account = new CarbonAccount(1_000_000.0, null,
                List.of(new ActivityLine(month, Activity.ELECTRICITY, 4.0, "MWh", null, null, Evidence.METER)), List.of(),
                List.of(new GreenPowerPurchase(month, 3_000.0, "GEC-1"), new GreenPowerPurchase(month, 1_500.0, null),
                        new GreenPowerPurchase(month.plusMonths(1), 10.0, "GEC-2")));

        assertThat(VALIDATOR.problems(new RatingRequest(SME, account, null, null, null, null))).containsExactly(
                new FieldError("carbonAccount.greenPower[0].kwh",
                        "4500 kWh of green power bought in 2025-03 is more than the 4000 kWh of electricity the lines show for that month", FieldError.INCONSISTENT),
                new FieldError("carbonAccount.greenPower[1].kwh",
                        "4500 kWh of green power bought in 2025-03 is more than the 4000 kWh of electricity the lines show for that month", FieldError.INCONSISTENT),
                new FieldError("carbonAccount.greenPower[2].kwh",
                        "10 kWh of green power bought in 2025-04 is more than the 0 kWh of electricity the lines show for that month",
                        FieldError.INCONSISTENT));
    }

    @Test
    void anInfiniteAmountOfGreenPowerIsReportedAsNotANumberRatherThanComparedWithTheMonthsElectricity() {
        YearMonth month = YearMonth.of(2025, 3);
        CarbonAccount account = new CarbonAccount(1_000_000.0, null,
                List.of(new ActivityLine(month, Activity.ELECTRICITY, 4.0, "MWh", null, null, Evidence.METER)), List.of(),
                List.of(new GreenPowerPurchase(month, Double.POSITIVE_INFINITY, "GEC-1"), new GreenPowerPurchase(month, 1_000.0, null)));

        assertThat(VALIDATOR.problems(new RatingRequest(SME, account, null, null, null, null))).containsExactly(
                new FieldError("carbonAccount.greenPower[0].kwh", "must be a finite number (not NaN or infinity)", FieldError.NUMBER));
    }

    @Test
    void behavioursWithoutACertificationsListAreValid() {
        // JSON without "certifications" gives the empty list; List.of() would throw on the fast path's contains(null).
        GreenBehaviours noList = new GreenBehaviours(0.9, null, null, null, true, null, null, null);

        assertThat(VALIDATOR.problems(new RatingRequest(SME, null, noList, null, null, null))).isEmpty();
    }

    @Test
    void figuresNoSmallFirmCanHaveAreRefusedWithTheirBounds() {
        // Probe finding 8: 1e308 inflows, 1e12 of debt and a loan of 1e-320 CNY were rated.
        CreditFeatures credit = new CreditFeatures(List.of(1e308, 50_000.0), null, null, null, 1e12, null, null);
        ActivityLine huge = new ActivityLine(YearMonth.of(2025, 1), Activity.ELECTRICITY, 1e308, "kWh", null, null, null);
        RatingRequest request = new RatingRequest(SME, new CarbonAccount(1_000_000.0, null, List.of(huge)), null, credit, null,
                new LoanRequest(1e-320, 12, null));
        List<FieldError> problems = VALIDATOR.problems(request);
        assertThat(problems).extracting(FieldError::field).containsExactly("carbonAccount.lines[0].quantity", "credit.existingDebtCny",
                "credit.monthlyInflowsCny[0]", "loanRequest.amountCny");
        assertThat(problems.get(1).message()).startsWith("must be between 0 and 10000000000 CNY");
        assertThat(problems.get(3).message()).startsWith("must be between 1 and 10000000000 CNY");
    }

    @Test
    void theLargestPlausibleFiguresAreAccepted() {
        CreditFeatures credit = new CreditFeatures(List.of(1e10), null, null, 1e10, 1e10, null, null);
        RatingRequest request = new RatingRequest(SME, new CarbonAccount(1e10, null, List.of(
                new ActivityLine(YearMonth.of(2025, 1), Activity.ELECTRICITY, 1e9, "kWh", null, null, null))), null, credit, null,
                new LoanRequest(1e8, 12, null));
        assertThat(VALIDATOR.problems(request)).isEmpty();
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        ActivityLine badUnit = new ActivityLine(YearMonth.of(2025, 1), Activity.ELECTRICITY, 10.0, "m3", null, null, Evidence.METER);
        ActivityLine future = new ActivityLine(YearMonth.of(2026, 2), Activity.ELECTRICITY, 10.0, "kWh", null, null, null);
        ActivityLine noSpend = new ActivityLine(YearMonth.of(2025, 1), Activity.PURCHASED_GOODS, null, null, "YACHTS", null, null);
        CreditFeatures credit = new CreditFeatures(Arrays.asList(1.0, -2.0), null, -1, null, null, null, null);
        RatingRequest request = new RatingRequest(new Sme("S 1", "x", "990000", "C9901", SizeClass.MICRO, null),
                new CarbonAccount(-1.0, null, List.of(badUnit, future, noSpend)), null, credit, null, null);

        assertThat(fields(request)).containsExactly(
                "carbonAccount.lines[0].unit", "carbonAccount.lines[1].month", "carbonAccount.lines[2].category",
                "carbonAccount.lines[2].spendCny", "carbonAccount.revenueCny", "credit.invoicesIssued",
                "credit.monthlyInflowsCny[1]", "sme.id", "sme.industryCode", "sme.regionCode");
    }

    /** A value for a number field: valid, missing, negative, non-finite, zero, at and beyond the plausible bounds. */
    private static Double number(Random random) {
        double[] values = {5.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, 1e9, 1e9 + 1, 1e10, 1e10 + 1,
            1e308, -0.0, 1e-320};
        int pick = random.nextInt(values.length + 3);
        if (pick == values.length) {
            return null;
        }
        return pick > values.length ? 1_000.0 * random.nextDouble() : values[pick];
    }

    private static String text(Random random, String valid) {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> "x".repeat(16 + random.nextInt(3));
            case 2 -> "y".repeat(63 + random.nextInt(3));
            default -> valid;
        };
    }

    private static RatingRequest mutated(Random random) {
        int count = random.nextInt(20) == 0 ? 2_000 + random.nextInt(3) : random.nextInt(30);
        List<ActivityLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (random.nextInt(40) == 0) {
                lines.add(null);
                continue;
            }
            Activity activity = random.nextInt(15) == 0 ? null : Activity.values()[random.nextInt(Activity.values().length)];
            YearMonth month = random.nextInt(15) == 0 ? null : YearMonth.of(2024 + random.nextInt(2), 1 + random.nextInt(12));
            lines.add(new ActivityLine(month, activity, number(random), text(random, "kWh"), text(random, "PACKAGING"), number(random),
                    random.nextBoolean() ? Evidence.METER : null));
        }
        List<Double> inflows = new java.util.ArrayList<>();
        List<Double> outflows = new java.util.ArrayList<>();
        int months = random.nextInt(20) == 0 ? 120 + random.nextInt(3) : random.nextInt(25);
        for (int i = 0; i < months; i++) {
            inflows.add(number(random));
            outflows.add(random.nextInt(30) == 0 ? null : number(random));
        }
        Double[] ndviValues = {-1.5, -1.0, -0.2, 0.5, 1.0, 1.2, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, null, null};
        Double[] bands = {null, null, 0.0, 0.1, 0.4, -0.1, 1.0, 1.1, Double.NaN, Double.POSITIVE_INFINITY};
        List<Plot> plots = new java.util.ArrayList<>();
        for (int p = random.nextInt(3); p > 0; p--) {
            List<NdviObservation> readings = new java.util.ArrayList<>();
            int n = random.nextInt(30) == 0 ? 1_000 + random.nextInt(3) : random.nextInt(20);
            for (int i = 0; i < n; i++) {
                readings.add(random.nextInt(40) == 0 ? null : new NdviObservation(random.nextInt(20) == 0 ? null : LocalDate.of(2025, 5, 1 + i % 28),
                        ndviValues[random.nextInt(ndviValues.length)], bands[random.nextInt(bands.length)], bands[random.nextInt(bands.length)],
                        random.nextBoolean() ? null : Boolean.FALSE));
            }
            plots.add(random.nextInt(30) == 0 ? null : new Plot("P" + p, null, 3.5, null, readings));
        }
        return new RatingRequest(SME, new CarbonAccount(1_000_000.0, null, lines), null,
                new CreditFeatures(inflows, outflows, null, null, null, null, null), plots, null);
    }

    /** {@code valid}, or once in twenty-five times one of {@code odd}. */
    @SafeVarargs
    private static <V> V sometimes(Random random, V valid, V... odd) {
        return random.nextInt(25) == 0 ? odd[random.nextInt(odd.length)] : valid;
    }

    /** One field in twenty-five given an edge or wrong value, the rest valid: about half the requests are valid as a whole. */
    private static RatingRequest mostlyValid(Random random) {
        String[] ids = {"S 1", "", "x".repeat(65), "S-1_a"};
        String[] names = {" ", "", "n".repeat(201), "\u3000店", "店 ", "\u0000", "\u0001店", "\t"};
        String[] regions = {null, "33080", "3308021", "a30802"};
        String[] industries = {null, "Z1391", "C1", "C13911"};
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate[] founded = {today.plusDays(1), today, today.minusDays(1), today.minusDays(2), LocalDate.of(2019, 3, 5)};
        Double[] shares = {-0.1, 1.1, -0.0, Double.NaN, 0.0, 1.0, null};
        Sme sme = new Sme(sometimes(random, "91330800MA2B" + random.nextInt(1000), ids), sometimes(random, "测试企业", names),
                sometimes(random, "330802", regions), sometimes(random, "C1391", industries), sometimes(random, SizeClass.MICRO, (SizeClass) null),
                sometimes(random, null, founded));
        List<EnergyMeasure> measures = new java.util.ArrayList<>();
        if (random.nextInt(5) == 0) {
            measures.add(sometimes(random, new EnergyMeasure(sometimes(random, YearMonth.of(2025, 3), (YearMonth) null),
                    sometimes(random, "LED lighting", " ", "")), (EnergyMeasure) null));
        }
        CarbonAccount account = random.nextInt(10) == 0 ? null : new CarbonAccount(sometimes(random, 1_000_000.0, number(random)),
                sometimes(random, null, number(random)), List.of(new ActivityLine(YearMonth.of(2025, 1), Activity.ELECTRICITY, 100.0, "kWh", null, null,
                null)), measures, greenPower(random));
        GreenBehaviours behaviours = random.nextInt(4) == 0 ? null : new GreenBehaviours(
                sometimes(random, 0.5, shares), sometimes(random, 0.2, shares), sometimes(random, null, shares),
                sometimes(random, 0.1, shares),
                true, sometimes(random, List.of(Certification.ISO14001), Arrays.asList(Certification.ISO14001, null)),
                sometimes(random, 0, -1, 1001));
        Integer[] counts = {-1, 0, 3650, 3651, null};
        CreditFeatures credit = random.nextInt(5) == 0 ? null : new CreditFeatures(List.of(10_000.0, 12_000.0), List.of(),
                sometimes(random, 40, counts), sometimes(random, 5_000.0, number(random)), sometimes(random, 20_000.0, number(random)),
                sometimes(random, 0, counts), sometimes(random, 6.0, 200.0, 200.5));
        Double[] amounts = {0.0, -0.0, 1e-320, 0.5, 1.0, 1e10, 2e10, Double.NaN, null};
        Integer[] terms = {0, 1, 120, 121, null};
        LoanRequest loan = random.nextInt(6) == 0 ? null : new LoanRequest(sometimes(random, 100_000.0, amounts),
                sometimes(random, 12, terms), LoanPurpose.WORKING_CAPITAL);
        return new RatingRequest(sme, account, behaviours, credit, plots(random), loan);
    }

    /** None, or green power bought with a plausible amount, or now and then a month, amount or certificate id that is not. */
    private static List<GreenPowerPurchase> greenPower(Random random) {
        if (random.nextInt(3) != 0) {
            return List.of();
        }
        Double[] kwh = {null, 0.0, -0.0, -5.0, Double.NaN, Double.POSITIVE_INFINITY, 1e-320, 1e13};
        List<GreenPowerPurchase> bought = new java.util.ArrayList<>();
        for (int i = random.nextInt(1, 4); i > 0; i--) {
            bought.add(sometimes(random, new GreenPowerPurchase(sometimes(random, YearMonth.of(2025, i), (YearMonth) null),
                    sometimes(random, 500.0 * i, kwh), sometimes(random, "GEC-" + i, null, "", "c".repeat(65))), (GreenPowerPurchase) null));
        }
        return bought;
    }

    /**
     * Null, or farm plots with a closed square outline, or now and then a plot, outline, ring or position that breaks one
     * of the constraints on them (open, crossing itself, out of range, not a number, the wrong shape).
     */
    private static List<Plot> plots(Random random) {
        if (random.nextInt(3) != 0) {
            return null;
        }
        List<List<Double>> square = List.of(List.of(120.0, 30.0), List.of(120.01, 30.0), List.of(120.01, 30.01), List.of(120.0, 30.01),
                List.of(120.0, 30.0));
        List<List<Double>> withHeight = square.stream().map(p -> List.of(p.get(0), p.get(1), 12.5)).toList();
        List<List<Double>> open = square.subList(0, 4);
        List<List<Double>> bowTie = List.of(List.of(120.0, 30.0), List.of(120.01, 30.01), List.of(120.01, 30.0), List.of(120.0, 30.01),
                List.of(120.0, 30.0));
        List<List<Double>> farEast = List.of(List.of(190.0, 30.0), List.of(190.01, 30.0), List.of(190.01, 30.01), List.of(190.0, 30.0));
        List<List<Double>> notANumber = List.of(List.of(120.0, 30.0), List.of(Double.NaN, 30.0), List.of(120.01, 30.01), List.of(120.0, 30.0));
        List<List<Double>> shortPosition = List.of(List.of(120.0, 30.0), List.of(120.01), List.of(120.01, 30.01), List.of(120.0, 30.0));
        List<List<Double>> longPosition = List.of(List.of(120.0, 30.0, 1.0, 2.0), List.of(120.01, 30.0), List.of(120.01, 30.01),
                List.of(120.0, 30.0, 1.0, 2.0));
        List<List<Double>> nullPosition = Arrays.asList(List.of(120.0, 30.0), null, List.of(120.01, 30.01), List.of(120.0, 30.0));
        List<List<Double>> nullCoordinate = List.of(List.of(120.0, 30.0), Arrays.asList(120.01, null), List.of(120.01, 30.01),
                List.of(120.0, 30.0));
        List<List<List<Double>>> oddRings = Arrays.asList(open, bowTie, farEast, notANumber, shortPosition, longPosition,
                nullPosition, nullCoordinate, null);
        List<Plot> plots = new java.util.ArrayList<>();
        for (int p = random.nextInt(0, 3); p > 0; p--) {
            List<List<Double>> outline = random.nextInt(8) == 0 ? oddRings.get(random.nextInt(oddRings.size()))
                    : random.nextBoolean() ? square : withHeight;
            // A hole after the outline, now and then: every ring is checked, not only the first.
            List<List<List<Double>>> rings = random.nextInt(10) == 0 ? Arrays.asList(square, outline) : Arrays.asList(outline);
            PolygonGeometry geometry = sometimes(random, new PolygonGeometry("Polygon", rings), null, new PolygonGeometry("polygon", rings),
                    new PolygonGeometry(null, rings), new PolygonGeometry("Polygon", List.of()), new PolygonGeometry("Polygon", null),
                    new PolygonGeometry("Polygon", java.util.Collections.nCopies(21, square)));
            plots.add(sometimes(random, new Plot(sometimes(random, "P" + p, null, "", " ", "p".repeat(65)), Crop.RICE,
                    sometimes(random, 3.5, null, 0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY), geometry,
                    List.of(new NdviObservation(LocalDate.of(2025, 6, 1), 0.6, null, null, null))), (Plot) null));
        }
        return plots;
    }

    /**
     * Validates {@code count} generated requests both ways, the validator's and Bean Validation of everything, and
     * asserts the same answer for each; returns how many were valid.
     */
    private static int validAgreeingWithBeanValidation(int count, java.util.function.Supplier<RatingRequest> requests) {
        int valid = 0;
        try (RequestValidator reference = new RequestValidator(CODES, CLOCK, false)) {
            for (int i = 0; i < count; i++) {
                RatingRequest request = requests.get();
                List<FieldError> expected = reference.problems(request);
                assertThat(VALIDATOR.problems(request)).as("request %d: %s", i, request).isEqualTo(expected);
                valid += expected.isEmpty() ? 1 : 0;
            }
        }
        return valid;
    }

    @Test
    void requestsTakenForValidWithoutBeanValidationAreTheOnesItFindsNothingIn() {
        Random random = new Random(16);
        // Both branches are taken many times: valid requests skip Bean Validation, the others go through it.
        assertThat(validAgreeingWithBeanValidation(5_000, () -> mostlyValid(random))).isBetween(1_000, 4_000);
    }

    @Test
    void theHandChecksOfLongListsAnswerExactlyAsBeanValidationOnTheirAnnotations() {
        Random random = new Random(15);
        // The mutations reach the checks: nearly every request has some problem.
        assertThat(validAgreeingWithBeanValidation(3_000, () -> mutated(random))).isLessThan(500);
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        RatingRequest request = new RatingRequest(SME, new CarbonAccount(Double.NaN, null, List.of()), null, null, null, null);
        assertThat(VALIDATOR.problems(request))
                .contains(new FieldError("carbonAccount.revenueCny", "must be a finite number (not NaN or infinity)", FieldError.NUMBER));
    }

    /** Each problem says its kind, so that a page can word it in its own language; the English message stays as it was. */
    @Test
    void everyProblemCarriesItsKind() {
        YearMonth future = YearMonth.of(2026, 6);
        CarbonAccount account = new CarbonAccount(-5.0, null, List.of(
                new ActivityLine(YearMonth.of(2025, 1), Activity.ELECTRICITY, 100.0, "furlong", null, null, Evidence.BILL),
                new ActivityLine(future, Activity.ELECTRICITY, null, "kWh", null, null, Evidence.BILL),
                new ActivityLine(YearMonth.of(2025, 2), Activity.PURCHASED_GOODS, null, null, "TEAPOTS", 10.0, Evidence.BILL)));
        RatingRequest request = new RatingRequest(new Sme("S1", null, "990000", "C9901", SizeClass.MICRO, null), account, null, null,
                null, null);
        assertThat(VALIDATOR.problems(request)).extracting(FieldError::field, FieldError::code).contains(
                org.assertj.core.groups.Tuple.tuple("sme.name", FieldError.REQUIRED),
                org.assertj.core.groups.Tuple.tuple("sme.regionCode", FieldError.UNKNOWN_CODE),
                org.assertj.core.groups.Tuple.tuple("sme.industryCode", FieldError.UNKNOWN_CODE),
                org.assertj.core.groups.Tuple.tuple("carbonAccount.revenueCny", FieldError.RANGE),
                org.assertj.core.groups.Tuple.tuple("carbonAccount.lines[0].unit", FieldError.UNKNOWN_CODE),
                org.assertj.core.groups.Tuple.tuple("carbonAccount.lines[1].month", FieldError.RANGE),
                org.assertj.core.groups.Tuple.tuple("carbonAccount.lines[1].quantity", FieldError.REQUIRED),
                org.assertj.core.groups.Tuple.tuple("carbonAccount.lines[2].category", FieldError.UNKNOWN_CODE));
    }

    @Test
    void requireValidThrowsWithAllErrors() {
        RatingRequest request = new RatingRequest(null, null, null, null, null, null);
        assertThatThrownBy(() -> VALIDATOR.requireValid(request)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("sme: must not be null");
    }
}
