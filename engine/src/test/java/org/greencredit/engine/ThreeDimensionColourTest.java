package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.rating.Colour;
import org.greencredit.core.rating.Dimensions;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.Evidence;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.junit.jupiter.api.Test;

/**
 * The carbon-account colour reads the middle of the three dimensions' levels (G-3D-1), not the industry level alone. Two
 * retail shops (benchmark 80 kg per 10k CNY, electricity share 0.85) with 2021 and 2022 electricity only, worked by hand from
 * grid_emission_factors.csv and carbon_efficiency_levels.csv.
 */
class ThreeDimensionColourTest {
    /**
     * Without the pattern detector: a change of a third in a year is unusual for it by design, and its flag alone rules out deep
     * green, which would hide what the dimensions do. The detector's own tests cover it.
     */
    private static final RatingEngine ENGINE = RatingEngine.builder(TestFirms.CLOCK).withoutPatternDetector().build();

    /** Meter readings with a summer peak, 10% around the year's mean (identical readings would look copied); each year sums to 12 x mean. */
    private static RatingRequest shop(String region, double kwh2021, double kwh2022, double revenue) {
        List<ActivityLine> lines = new ArrayList<>();
        for (int m = 0; m < 24; m++) {
            double mean = m < 12 ? kwh2021 : kwh2022;
            lines.add(new ActivityLine(YearMonth.of(2021, 1).plusMonths(m), Activity.ELECTRICITY, mean * (1 - 0.1 * Math.cos(2 * Math.PI * (m % 12) / 12)), "kWh",
                    null, null, Evidence.METER));
        }
        Sme sme = new Sme("3D-" + region, "便利店", region, "F5211", SizeClass.MICRO, LocalDate.of(2014, 3, 1));
        return new RatingRequest(sme, new CarbonAccount(revenue, null, lines, List.of()), null, null, null, null);
    }

    private static String evidenceOf(Rating r, String ruleId) {
        return r.explanation().ruleHits().stream().filter(h -> h.id().equals(ruleId)).map(RuleHit::evidence).findFirst().orElseThrow();
    }

    @Test
    void aHebeiShopAtLevelFourThatCutItsEmissionsBeyondItsGridIsLightGreen() {
        // Hebei 0.7901 (2021) and 0.7252 (2022) kg/kWh. 1,000 then 700 kWh a month on 650,000 CNY:
        // intensity (9,481.2 + 6,091.68) / 2 / 65 = 119.791, K = 119.791 / 80 = 1.4974: level 4 (1.2 < K <= 2.0), YELLOW alone.
        // On Hebei's grid the benchmark is 80 x (1 + 0.85 x (0.7252 / 0.5366 - 1)) = 103.900: 1.1529, level 3.
        // Year on year 700 x 0.7252 / (1,000 x 0.7901) - 1 = -0.3575, a ratio of 0.6425: level 2. The middle of 4, 3, 2 is 3.
        Rating r = ENGINE.rate(shop("130102", 1000, 700, 650_000));

        assertThat(r.green().carbonEfficiencyLevel()).isEqualTo(4);
        Dimensions d = r.green().dimensions();
        assertThat(d.regionalLevel()).isEqualTo(3);
        assertThat(d.historicalLevel()).isEqualTo(2);
        assertThat(d.combinedLevel()).isEqualTo(3);
        assertThat(r.carbon().anomalies()).as("no data anomaly rules out a colour here").isEmpty();
        assertThat(r.green().colour()).isEqualTo(Colour.LIGHT_GREEN);
        assertThat(evidenceOf(r, "G-3D-1")).isEqualTo("level=4, regionalLevel=3, historicalLevel=2, dimensionLevel=3");
        assertThat(r.explanation().ruleHits()).extracting(RuleHit::id).contains("G-CE-4", "G-CO-LG").doesNotContain("G-CO-YEL");
    }

    @Test
    void aZhejiangShopAtLevelTwoWhoseEmissionsRoseAThirdIsLightGreenNotDeepGreen() {
        // Zhejiang 0.5422 (2021) and 0.5153 (2022). 800 then 1,100 kWh a month on 950,000 CNY:
        // intensity (5,205.12 + 6,801.96) / 2 / 95 = 63.195, K = 0.7899: level 2, DEEP_GREEN alone.
        // On Zhejiang's grid (benchmark 77.3008): 0.8175, level 3. Year on year 1,100 x 0.5153 / (800 x 0.5422) - 1 = 0.3068: level 4.
        Rating r = ENGINE.rate(shop("330106", 800, 1100, 950_000));

        assertThat(r.green().carbonEfficiencyLevel()).isEqualTo(2);
        assertThat(r.green().dimensions().regionalLevel()).isEqualTo(3);
        assertThat(r.green().dimensions().historicalLevel()).isEqualTo(4);
        assertThat(r.green().dimensions().combinedLevel()).isEqualTo(3);
        assertThat(r.carbon().anomalies()).isEmpty();
        assertThat(r.green().colour()).isEqualTo(Colour.LIGHT_GREEN);
        assertThat(r.explanation().ruleHits()).extracting(RuleHit::id).contains("G-CE-2", "G-CO-LG").doesNotContain("G-CO-DG");
    }

    @Test
    void withoutAYearOnYearFigureTheColourFollowsTheIndustryLevel() {
        // Twelve months only (2022 at 1,100 kWh): 1,100 x 12 x 0.5153 = 6,801.96 kg on 950,000 CNY is 71.5996 per 10k CNY,
        // K = 0.895: level 3; regional 71.5996 / 77.3008 = 0.9262: level 3; no historical level. The middle of 3, 3, (3) is 3.
        RatingRequest twoYears = shop("330106", 800, 1100, 950_000);
        RatingRequest lastYear = new RatingRequest(twoYears.sme(), new CarbonAccount(950_000.0, null,
                twoYears.carbonAccount().lines().subList(12, 24), List.of()), null, null, null, null);
        Rating r = ENGINE.rate(lastYear);

        assertThat(r.green().carbonEfficiencyLevel()).isEqualTo(3);
        assertThat(r.green().dimensions().historicalLevel()).isNull();
        assertThat(r.green().dimensions().combinedLevel()).isEqualTo(3);
        assertThat(evidenceOf(r, "G-3D-1")).isEqualTo("level=3, regionalLevel=3, historicalLevel=null, dimensionLevel=3");
        assertThat(r.green().colour()).isEqualTo(Colour.LIGHT_GREEN);
    }

    @Test
    void aMerchantWithoutACarbonAccountHasNoDimensions() {
        RatingRequest shop = shop("330106", 800, 1100, 950_000);
        Rating r = ENGINE.rate(new RatingRequest(shop.sme(), null, null, null, null, null));

        assertThat(r.green().dimensions()).isEqualTo(Dimensions.NONE);
        assertThat(r.explanation().ruleHits()).extracting(RuleHit::id).doesNotContain("G-3D-1");
    }
}
