package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.rating.NotAssessed;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.greencredit.core.text.TextCatalogue;
import org.greencredit.datasets.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * The carbon stage's own arithmetic on a retail shop in Zhejiang, by hand from the reference tables:
 * 1,000 kWh a month through 2022 at Zhejiang's 2022 grid factor 0.5153 kg/kWh (grid_emission_factors.csv)
 * is 6,183.6 kg a year; on 1,000,000 CNY of revenue that is 61.836 kg per 10k CNY, and against the retail
 * benchmark of 80 (industries.csv, F52) K = 0.773, level 2 (0.6 < K <= 0.8, carbon_efficiency_levels.csv).
 */
class CarbonStageTest {
    private static final ReferenceData REFERENCE = ReferenceData.shipped();
    private static final CarbonStage STAGE = new CarbonStage(REFERENCE, null, TextCatalogue.fromClasspath("/engine/texts.tsv"));
    private static final Sme SHOP = new Sme("S1", "杭州小超市", "330106", "F5211", SizeClass.MICRO, LocalDate.of(2016, 5, 1));

    private static RatingRequest shop(Double revenue, int months) {
        List<ActivityLine> lines = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            lines.add(new ActivityLine(YearMonth.of(2022, 1).plusMonths(m), Activity.ELECTRICITY, 1000.0, "kWh", null, null, null));
        }
        return new RatingRequest(SHOP, new CarbonAccount(revenue, null, lines, List.of()), null, null, null, null);
    }

    @Test
    void kIsTheIntensityOverTheIndustryBenchmarkAndSetsTheLevel() {
        List<NotAssessed> notAssessed = new ArrayList<>();
        CarbonStage.Result r = STAGE.assess(shop(1_000_000.0, 12), notAssessed);
        assertThat(r.assessment().intensityKgPer10kCny()).isCloseTo(61.836, within(0.001));
        assertThat(r.k()).isEqualTo(0.773);
        assertThat(r.level()).isEqualTo(2);
        // Industry advancement: 100 at K = 0.6 (best level's bound), 0 at K = 2.0 (level 4's bound): 100 x (2.0 - 0.773) / 1.4.
        assertThat(r.dimensions().industryAdvancement()).isCloseTo(87.6429, within(0.0001));
        assertThat(r.patternFeatures()).isNotEmpty();
    }

    @Test
    void theRegionalBenchmarkMovesTheElectricityShareToTheProvincesGrid() {
        // Benchmark on Zhejiang's grid: 80 x (1 + 0.85 x (0.5153 / 0.5366 - 1)) = 77.3008 (retail electricity share 0.85,
        // section_energy_mix.csv; national 2022 factor 0.5366); 61.836 / 77.3008 = 0.79994, advancement 100 x (2.0 - 0.79994) / 1.4.
        CarbonStage.Result r = STAGE.assess(shop(1_000_000.0, 12), new ArrayList<>());
        assertThat(r.dimensions().regionalContribution()).isCloseTo(85.718, within(0.01));
        assertThat(r.dimensions().regionalLevel()).as("0.7999 <= 0.8").isEqualTo(2);
    }

    /** 1,000 kWh a month through 2021 (Zhejiang 0.5422 kg/kWh), then {@code kwh2022} a month through 2022 (0.5153). */
    private static RatingRequest twoYears(double kwh2022) {
        List<ActivityLine> lines = new ArrayList<>();
        for (int m = 0; m < 24; m++) {
            lines.add(new ActivityLine(YearMonth.of(2021, 1).plusMonths(m), Activity.ELECTRICITY, m < 12 ? 1000.0 : kwh2022, "kWh",
                    null, null, null));
        }
        return new RatingRequest(SHOP, new CarbonAccount(1_000_000.0, null, lines, List.of()), null, null, null, null);
    }

    @Test
    void eachDimensionIsGradedOnTheEfficiencyBands() {
        // 2022 at 1,300 kWh: year on year 1,300 x 0.5153 / (1,000 x 0.5422) - 1 = 0.2355, a ratio of 1.2355 (> 1.2: level 4).
        // Intensity (6,506.4 + 8,038.68 kg) / 2 years / 100 = 72.725 kg per 10k CNY: K = 0.9091 (level 3), and on Zhejiang's
        // grid 72.725 / 77.3008 = 0.9408 (level 3).
        CarbonStage.Result r = STAGE.assess(twoYears(1300), new ArrayList<>());
        assertThat(r.assessment().yoyChange()).isEqualTo(0.2355);
        assertThat(r.k()).isEqualTo(0.9091);
        assertThat(r.level()).isEqualTo(3);
        assertThat(r.dimensions().regionalLevel()).isEqualTo(3);
        assertThat(r.dimensions().historicalLevel()).isEqualTo(4);
        assertThat(r.dimensions().combinedLevel()).as("the green rules combine them").isNull();
    }

    @Test
    void aFallOfMoreThanFortyPercentIsTheBestHistoricalLevel() {
        // 600 kWh: 600 x 0.5153 / 542.2 - 1 = -0.4298, a ratio of 0.5702 (<= 0.6: level 1); intensity 51.083, K = 0.6385 (level 2),
        // regional 51.083 / 77.3008 = 0.6608 (level 2).
        CarbonStage.Result r = STAGE.assess(twoYears(600), new ArrayList<>());
        assertThat(r.assessment().yoyChange()).isEqualTo(-0.4298);
        assertThat(r.level()).isEqualTo(2);
        assertThat(r.dimensions().regionalLevel()).isEqualTo(2);
        assertThat(r.dimensions().historicalLevel()).isEqualTo(1);
    }

    @Test
    void twelveMonthsAreTooFewForAYearOnYearChange() {
        List<NotAssessed> notAssessed = new ArrayList<>();
        CarbonStage.Result r = STAGE.assess(shop(1_000_000.0, 12), notAssessed);
        assertThat(r.dimensions().historicalDecline()).isNull();
        assertThat(r.dimensions().historicalLevel()).isNull();
        assertThat(notAssessed).extracting(NotAssessed::section).containsExactly("green.dimensions.historicalDecline");
    }

    @Test
    void withoutRevenueThereIsNoIntensityKOrLevel() {
        List<NotAssessed> notAssessed = new ArrayList<>();
        CarbonStage.Result r = STAGE.assess(shop(null, 12), notAssessed);
        assertThat(r.k()).isNull();
        assertThat(r.level()).isNull();
        assertThat(r.dimensions().industryAdvancement()).isNull();
        assertThat(notAssessed).extracting(NotAssessed::section).contains("green.carbonEfficiencyLevel");
        assertThat(notAssessed.get(0).en()).isEqualTo("No revenue was given, so emission intensity and the carbon-efficiency level cannot be computed");
    }

    @Test
    void withoutACarbonAccountNothingIsAccountedAndTheRatingSaysSo() {
        List<NotAssessed> notAssessed = new ArrayList<>();
        CarbonStage.Result r = STAGE.assess(new RatingRequest(SHOP, null, null, null, null, null), notAssessed);
        assertThat(r.assessment().totalKg()).isZero();
        assertThat(r.level()).isNull();
        assertThat(r.patternFeatures()).isEmpty();
        assertThat(notAssessed).containsExactly(new NotAssessed("carbon", "未提供碳账户（能源和采购明细），无法核算排放和碳效等级",
                "No carbon account (energy and purchase lines) was given: emissions and carbon-efficiency level not assessed"));
    }
}
