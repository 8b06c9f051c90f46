package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.greencredit.core.rating.Instalment;
import org.junit.jupiter.api.Test;

class RepaymentPlannerTest {
    private static final YearMonth DECEMBER_2025 = YearMonth.of(2025, 12);

    @Test
    void equalMonthlyPrincipalWithTheCentsLeftOverInTheLastInstalment() {
        // 1000 / 3 = 333.333...: two instalments of 333.33 floor to the cent, the last one 1000 - 666.66 = 333.34.
        assertThat(RepaymentPlanner.monthly(1000, 3, DECEMBER_2025)).containsExactly(
                new Instalment(YearMonth.of(2026, 1), 333.33), new Instalment(YearMonth.of(2026, 2), 333.33),
                new Instalment(YearMonth.of(2026, 3), 333.34));
    }

    @Test
    void aLimitThatDividesEvenlyGivesEqualInstalments() {
        List<Instalment> schedule = RepaymentPlanner.monthly(120_000, 12, DECEMBER_2025);
        assertThat(schedule).hasSize(12).allSatisfy(i -> assertThat(i.principalCny()).isEqualTo(10_000));
        assertThat(schedule.get(11).dueMonth()).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void noLimitOrNoTermMeansNoSchedule() {
        assertThat(RepaymentPlanner.monthly(0, 12, DECEMBER_2025)).isEmpty();
        assertThat(RepaymentPlanner.monthly(5_000, 0, DECEMBER_2025)).isEmpty();
        assertThat(RepaymentPlanner.atHarvest(0, DECEMBER_2025, 10)).isEmpty();
    }

    @Test
    void aFarmRepaysOnceInTheMonthAfterTheNextHarvest() {
        // From December 2025 the next October harvest is in ten months; the sale month after it is November 2026: 11 months.
        assertThat(RepaymentPlanner.monthsToHarvestSale(DECEMBER_2025, 10)).isEqualTo(11);
        assertThat(RepaymentPlanner.atHarvest(48_000.5, DECEMBER_2025, 10))
                .containsExactly(new Instalment(YearMonth.of(2026, 11), 48_000.5));
    }

    @Test
    void aHarvestInTheCurrentMonthIsTheNextYearsHarvest() {
        // Data up to October: this October's crop is being harvested, so the loan runs to next year's, repaid in November 2026.
        assertThat(RepaymentPlanner.monthsToHarvestSale(YearMonth.of(2025, 10), 10)).isEqualTo(13);
        assertThat(RepaymentPlanner.monthsToHarvestSale(YearMonth.of(2025, 9), 10)).isEqualTo(2);
    }
}
