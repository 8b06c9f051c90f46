package org.greencredit.core.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.greencredit.core.rating.CarbonAssessment;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.Evidence;
import org.greencredit.core.request.GreenPowerPurchase;
import org.junit.jupiter.api.Test;

/**
 * The accounting formulas against hand computation. The factors here are set in the test so that
 * each expectation can be checked on paper; the shipped tables are tested in the datasets module.
 */
class CarbonAccountantTest {
    /** Grid 0.7096 kg/kWh (Shanxi 2022), diesel 3,096 kg/t with 0.84 kg/L, gas 2.162 kg/m3, heat 110 kg/GJ, spend 0.0712 kg/CNY. */
    static final FactorCatalog FACTORS = new FactorCatalog() {
        @Override
        public Factor electricity(String provinceCode, int year) {
            return new Factor(0.7096, "kWh", "test grid " + provinceCode, year);
        }

        @Override
        public Factor heat(int year) {
            return new Factor(110, "GJ", "test heat", 2015);
        }

        @Override
        public Factor fuel(Activity fuel) {
            return fuel == Activity.NATURAL_GAS ? new Factor(2.162, "m3", "test gas", 2015) : new Factor(3_096, "t", "test diesel", 2015);
        }

        @Override
        public double densityKgPerLitre(Activity fuel) {
            return 0.84;
        }

        @Override
        public Factor spendPerCny(String category, int year) {
            return new Factor(0.0712, "CNY", "test spend", 2022);
        }

        @Override
        public int dataQuality(boolean spendBased, Evidence evidence) {
            return spendBased ? 4 : evidence == Evidence.METER ? 1 : 3;
        }

        @Override
        public String version() {
            return "test";
        }
    };
    static final AnomalyThresholds THRESHOLDS = new AnomalyThresholds(3, 0.25, 4, 0.5, 3);
    static final AnomalyContext NO_BENCHMARK = new AnomalyContext(null, 0.35, 1.4);
    static final CarbonAccountant ACCOUNTANT = new CarbonAccountant(FACTORS, new AnomalyChecks(THRESHOLDS), 12);
    private static final YearMonth JAN = YearMonth.of(2022, 1);

    static ActivityLine physical(YearMonth month, Activity activity, double quantity, String unit, Evidence evidence) {
        return new ActivityLine(month, activity, quantity, unit, null, null, evidence);
    }

    @Test
    void tenThousandKwhInShanxiIn2022Is7096Kg() {
        CarbonAssessment result = ACCOUNTANT.account("14", new CarbonAccount(null, null,
                List.of(physical(JAN, Activity.ELECTRICITY, 10_000, "kWh", Evidence.METER))), NO_BENCHMARK);
        assertThat(result.scope2Kg()).isEqualTo(7_096.0);
        assertThat(result.lines().get(0).factor()).isEqualTo(0.7096);
        assertThat(result.lines().get(0).factorSource()).isEqualTo("test grid 14");
        assertThat(result.lines().get(0).dataQuality()).isEqualTo(1);
    }

    @Test
    void eachScopeAndUnitFollowsItsFormula() {
        List<ActivityLine> lines = List.of(
                physical(JAN, Activity.ELECTRICITY, 2, "MWh", Evidence.METER),     // 2,000 kWh x 0.7096 = 1,419.2
                physical(JAN, Activity.DIESEL, 500, "L", Evidence.INVOICE),       // 0.42 t x 3,096 = 1,300.32
                physical(JAN, Activity.NATURAL_GAS, 0.1, "10^4 m3", Evidence.INVOICE), // 1,000 m3 x 2.162 = 2,162
                physical(JAN, Activity.HEAT, 10, "GJ", Evidence.BILL),           // 10 x 110 = 1,100
                new ActivityLine(JAN, Activity.PURCHASED_GOODS, null, null, "PACKAGING", 10_000.0, Evidence.INVOICE)); // 712
        CarbonAssessment result = ACCOUNTANT.account("14", new CarbonAccount(1_000_000.0, null, lines), NO_BENCHMARK);

        assertThat(result.scope1Kg()).isCloseTo(1_300.32 + 2_162, within(1e-9));
        assertThat(result.scope2Kg()).isCloseTo(1_419.2 + 1_100, within(1e-9));
        assertThat(result.scope3Kg()).isCloseTo(712.0, within(1e-9));
        assertThat(result.totalKg()).isCloseTo(6_693.52, within(1e-9));
        // scope 1+2 = 5,981.52 kg in one month -> x12 = 71,778.24 kg a year over 100 x 10k CNY
        assertThat(result.intensityKgPer10kCny()).isCloseTo(717.782, within(1e-9));
        assertThat(result.intensityBasis()).isEqualTo("REVENUE");
        // physical share = 5,981.52 / 6,693.52
        assertThat(result.physicalDataShare()).isEqualTo(0.8936);
        // emission-weighted quality: (1,419.2x1 + 1,300.32x3 + 2,162x3 + 1,100x3 + 712x4) / 6,693.52
        assertThat(result.dataQuality()).isEqualTo(2.6823);
    }

    @Test
    void certifiedGreenPowerComesOffScope2MarketBasedAndTheIntensityEachMonthUpToTheElectricityUsed() {
        YearMonth feb = JAN.plusMonths(1);
        List<ActivityLine> lines = List.of(
                physical(JAN, Activity.ELECTRICITY, 10_000, "kWh", Evidence.METER),  // 7,096 kg
                physical(feb, Activity.ELECTRICITY, 2, "MWh", Evidence.METER),       // 2,000 kWh: 1,419.2 kg
                physical(JAN, Activity.NATURAL_GAS, 1_000, "m3", Evidence.INVOICE));  // 2,162 kg
        List<GreenPowerPurchase> green = List.of(
                new GreenPowerPurchase(JAN, 3_000.0, "GEC-2022-0001"),                // counts: 3,000 kWh x 0.7096 = 2,128.8 kg
                new GreenPowerPurchase(feb, 5_000.0, "GEC-2022-0002"),                // capped at the 2,000 kWh used: 1,419.2 kg
                new GreenPowerPurchase(JAN, 4_000.0, null));                          // no certificate: a claim, not deducted
        CarbonAssessment result = ACCOUNTANT.account("14", new CarbonAccount(1_000_000.0, null, lines, List.of(), green), NO_BENCHMARK);

        assertThat(result.scope2Kg()).isCloseTo(7_096 + 1_419.2, within(1e-9));
        assertThat(result.greenPowerKwh()).isEqualTo(5_000.0);
        assertThat(result.scope2MarketBasedKg()).isCloseTo(7_096 + 1_419.2 - 2_128.8 - 1_419.2, within(1e-9));
        // scope 1 2,162 + market-based scope 2 4,967.2 = 7,129.2 kg in 2 months -> x6 = 42,775.2 kg a year over 100 x 10k CNY
        assertThat(result.intensityKgPer10kCny()).isCloseTo(427.752, within(1e-9));
    }

    @Test
    void withoutGreenPowerScope2MarketBasedIsScope2() {
        CarbonAssessment result = ACCOUNTANT.account("14", new CarbonAccount(null, null,
                List.of(physical(JAN, Activity.ELECTRICITY, 10_000, "kWh", Evidence.METER))), NO_BENCHMARK);
        assertThat(result.scope2MarketBasedKg()).isEqualTo(result.scope2Kg());
        assertThat(result.greenPowerKwh()).isZero();
    }

    @Test
    void valueAddedIsPreferredOverRevenueWhenGiven() {
        CarbonAssessment result = ACCOUNTANT.account("14", new CarbonAccount(1_000_000.0, 200_000.0,
                List.of(physical(JAN, Activity.ELECTRICITY, 1_000, "kWh", Evidence.METER))), NO_BENCHMARK);
        // 709.6 kg x 12 / 20 (10k CNY)
        assertThat(result.intensityKgPer10kCny()).isCloseTo(425.76, within(1e-9));
        assertThat(result.intensityBasis()).isEqualTo("VALUE_ADDED");
    }

    @Test
    void copiedMonthsAndZeroEnergyAreFlaggedWithReadableReasons() {
        List<ActivityLine> copied = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            copied.add(physical(JAN.plusMonths(m), Activity.ELECTRICITY, 5_000, "kWh", Evidence.BILL));
        }
        assertThat(ACCOUNTANT.account("14", new CarbonAccount(1e6, null, copied), NO_BENCHMARK).anomalies())
                .singleElement().satisfies(a -> {
                    assertThat(a.code()).isEqualTo("COPIED_MONTHS");
                    assertThat(a.evidence()).isEqualTo("ELECTRICITY 2022-01..2022-03");
                    assertThat(a.en()).contains("3 consecutive months");
                });
        List<ActivityLine> zero = List.of(physical(JAN, Activity.ELECTRICITY, 0, "kWh", Evidence.BILL));
        assertThat(ACCOUNTANT.account("14", new CarbonAccount(1e6, null, zero), NO_BENCHMARK).anomalies())
                .extracting(a -> a.code()).containsExactly("ZERO_ENERGY_WITH_REVENUE");
    }

    @Property
    void moreActivityNeverLowersEmissions(@ForAll @DoubleRange(min = 0, max = 1e7) double quantity,
                                          @ForAll @DoubleRange(min = 0, max = 1e7) double extra) {
        for (Activity activity : List.of(Activity.ELECTRICITY, Activity.DIESEL, Activity.NATURAL_GAS, Activity.HEAT)) {
            String unit = switch (activity) {
                case ELECTRICITY -> "kWh";
                case DIESEL -> "t";
                case NATURAL_GAS -> "m3";
                default -> "GJ";
            };
            double base = ACCOUNTANT.account("14", new CarbonAccount(null, null,
                    List.of(physical(JAN, activity, quantity, unit, Evidence.METER))), NO_BENCHMARK).totalKg();
            double more = ACCOUNTANT.account("14", new CarbonAccount(null, null,
                    List.of(physical(JAN, activity, quantity + extra, unit, Evidence.METER))), NO_BENCHMARK).totalKg();
            assertThat(more).isGreaterThanOrEqualTo(base);
        }
    }
}
