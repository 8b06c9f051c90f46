package org.greencredit.core.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greencredit.core.carbon.CarbonAccountantTest.ACCOUNTANT;
import static org.greencredit.core.carbon.CarbonAccountantTest.NO_BENCHMARK;
import static org.greencredit.core.carbon.CarbonAccountantTest.physical;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.rating.Anomaly;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.EnergyMeasure;
import org.greencredit.core.request.Evidence;
import org.junit.jupiter.api.Test;

/** The distortion checks with the test factors of {@link CarbonAccountantTest} (grid 0.7096 kg/kWh). */
class DistortionChecksTest {
    private static final YearMonth START = YearMonth.of(2024, 1);

    /** 24 months of electricity, with a summer peak so that no two months repeat. */
    private static List<ActivityLine> twoYears(double kwh, double lastThreeMonthsFactor) {
        List<ActivityLine> lines = new ArrayList<>();
        for (int m = 0; m < 24; m++) {
            double q = kwh * (1 + 0.1 * Math.cos(2 * Math.PI * (m - 6) / 12.0)) * (m >= 21 ? lastThreeMonthsFactor : 1);
            lines.add(physical(START.plusMonths(m), Activity.ELECTRICITY, Math.round(q), "kWh", Evidence.METER));
        }
        return lines;
    }

    private static List<String> codes(CarbonAccount account, AnomalyContext context) {
        return ACCOUNTANT.account("14", account, context).anomalies().stream().map(Anomaly::code).toList();
    }

    @Test
    void electricityFarBelowWhatTheIndustryAndRevenueImplyIsFlagged() {
        // 10,000 kWh a month x 0.7096 = 85,152 kg a year on average.
        CarbonAccount account = new CarbonAccount(1e6, null, twoYears(10_000, 1));
        // expected 400,000 kg: ratio 0.21 < 0.25
        assertThat(codes(account, new AnomalyContext(400_000.0, 0.35, 1.4))).containsExactly(AnomalyChecks.ELECTRICITY_IMPLAUSIBLY_LOW);
        // expected 20,000 kg: ratio 4.3 > 4
        assertThat(codes(account, new AnomalyContext(20_000.0, 0.35, 1.4))).containsExactly(AnomalyChecks.ELECTRICITY_IMPLAUSIBLY_HIGH);
        // expected 100,000 kg: ratio 0.85, plausible
        assertThat(codes(account, new AnomalyContext(100_000.0, 0.35, 1.4))).isEmpty();
    }

    @Test
    void aFlaggedElectricityRatioGivesTheRatioAsEvidence() {
        CarbonAccount account = new CarbonAccount(1e6, null, twoYears(10_000, 1));
        // 85,152 / 400,000 = 0.2129 and 85,152 / 20,000 = 4.2576, to two decimals.
        assertThat(ACCOUNTANT.account("14", account, new AnomalyContext(400_000.0, 0.35, 1.4)).anomalies()).extracting(Anomaly::evidence)
                .containsExactly("reported/expected electricity emissions = 0.21");
        assertThat(ACCOUNTANT.account("14", account, new AnomalyContext(20_000.0, 0.35, 1.4)).anomalies()).extracting(Anomaly::evidence)
                .containsExactly("reported/expected electricity emissions = 4.26");
    }

    @Test
    void aSuddenDropIsFlaggedUnlessAMeasureIsRecorded() {
        // The last three months at 40% of the same months a year earlier (< 50%).
        List<ActivityLine> lines = twoYears(10_000, 0.4);
        assertThat(codes(new CarbonAccount(1e6, null, lines), NO_BENCHMARK)).containsExactly(AnomalyChecks.SUDDEN_DROP);
        CarbonAccount withMeasure = new CarbonAccount(1e6, null, lines,
                List.of(new EnergyMeasure(YearMonth.of(2025, 9), "rooftop solar, 80 kWp")));
        assertThat(codes(withMeasure, NO_BENCHMARK)).isEmpty();
        // 60% of a year earlier is not a sudden drop
        assertThat(codes(new CarbonAccount(1e6, null, twoYears(10_000, 0.6)), NO_BENCHMARK)).isEmpty();
    }

    @Test
    void electricitySpendThatFitsNoPlausibleTariffIsFlagged() {
        List<ActivityLine> lines = new ArrayList<>();
        lines.add(new ActivityLine(START, Activity.ELECTRICITY, 10_000.0, "kWh", null, 7_500.0, Evidence.INVOICE));   // 0.75 CNY/kWh
        lines.add(new ActivityLine(START.plusMonths(1), Activity.ELECTRICITY, 11_000.0, "kWh", null, 30_000.0, Evidence.INVOICE)); // 2.73
        List<Anomaly> anomalies = ACCOUNTANT.account("14", new CarbonAccount(1e6, null, lines), NO_BENCHMARK).anomalies();
        assertThat(anomalies).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo(AnomalyChecks.TARIFF_MISMATCH);
            assertThat(a.en()).contains("2.73 CNY/kWh");
            assertThat(a.evidence()).isEqualTo("1 month(s), first 2024-02");
        });
    }

    @Test
    void aCleanSeasonalAccountRaisesNothing() {
        assertThat(codes(new CarbonAccount(1e6, null, twoYears(10_000, 1)), new AnomalyContext(85_000.0, 0.35, 1.4))).isEmpty();
    }

    @Test
    void trendAndYearOnYearIgnoreSeasonsButSeeARealDecline() {
        // A pure seasonal pattern: no change.
        var flat = ACCOUNTANT.account("14", new CarbonAccount(1e6, null, twoYears(10_000, 1)), NO_BENCHMARK);
        assertThat(flat.yoyChange()).isBetween(-0.001, 0.001);
        assertThat(flat.trendPerYear()).isBetween(-0.01, 0.01);
        // Every month of the second year 10% below the first: year on year -10%.
        List<ActivityLine> declining = new ArrayList<>();
        for (ActivityLine l : twoYears(10_000, 1)) {
            double q = l.month().getYear() == 2025 ? l.quantity() * 0.9 : l.quantity();
            declining.add(physical(l.month(), Activity.ELECTRICITY, q, "kWh", Evidence.METER));
        }
        var result = ACCOUNTANT.account("14", new CarbonAccount(1e6, null, declining), NO_BENCHMARK);
        assertThat(result.yoyChange()).isEqualTo(-0.1);
        assertThat(result.trendPerYear()).isNegative();
    }
}
