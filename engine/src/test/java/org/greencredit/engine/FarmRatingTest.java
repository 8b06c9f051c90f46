package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.rating.PlotAssessment;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.Crop;
import org.greencredit.core.request.LoanPurpose;
import org.greencredit.core.request.LoanRequest;
import org.greencredit.core.request.NdviObservation;
import org.greencredit.core.request.Plot;
import org.greencredit.core.request.PolygonGeometry;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.greencredit.datasets.reference.CropReference;
import org.greencredit.datasets.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/** A farm in Hunan growing single-season rice on one plot, built by hand. */
class FarmRatingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-20T00:00:00Z"), ZoneOffset.UTC);
    private static final RatingEngine ENGINE = RatingEngine.standard(CLOCK);
    private static final ReferenceData REFERENCE = ReferenceData.shipped();
    private static final Sme FARMER = new Sme("F1", "湘潭稻农", "430300", "A0111", SizeClass.MICRO, LocalDate.of(2015, 3, 1));
    /** About 100 m x 100 m: 0.0009 degrees of latitude by 0.00102 degrees of longitude at 28.2 N. */
    private static final PolygonGeometry SQUARE = new PolygonGeometry("Polygon", List.of(List.of(
            List.of(112.9, 28.2), List.of(112.90102, 28.2), List.of(112.90102, 28.2009), List.of(112.9, 28.2009), List.of(112.9, 28.2))));

    /** Single-season rice in the Yangtze basin: rise around day 150, fall around day 275, NDVI 0.15 to 0.85. */
    private static double rice(int day) {
        double rise = 1 / (1 + Math.exp(-0.08 * (day - 150)));
        double fall = 1 / (1 + Math.exp(-0.08 * (day - 275)));
        return 0.15 + 0.7 * (rise - fall);
    }

    /** Ten-day readings of 2025 up to a day of the year; every fourth one cloud-flagged with a useless value. */
    private static List<NdviObservation> readings(int lastDay, boolean asBands) {
        List<NdviObservation> out = new ArrayList<>();
        for (int day = 5; day <= lastDay; day += 10) {
            LocalDate date = LocalDate.ofYearDay(2025, day);
            boolean cloudy = day % 40 == 5;
            double ndvi = cloudy ? 0.05 : rice(day);
            if (asBands) {
                // red 0.05 and nir = red (1 + ndvi) / (1 - ndvi) give exactly this NDVI
                out.add(new NdviObservation(date, null, 0.05, 0.05 * (1 + ndvi) / (1 - ndvi), cloudy));
            } else {
                out.add(new NdviObservation(date, Math.round(ndvi * 1000) / 1000.0, cloudy));
            }
        }
        return out;
    }

    private static Rating rate(Crop declared, Double declaredAreaMu, int lastDay, boolean asBands) {
        Plot plot = new Plot("P1", declared, declaredAreaMu, SQUARE, readings(lastDay, asBands));
        return ENGINE.rate(new RatingRequest(FARMER, null, null, null, List.of(plot),
                new LoanRequest(20_000.0, null, LoanPurpose.AGRICULTURAL_INPUTS)));
    }

    @Test
    void anHonestRiceFarmShowsCropAreaStageValueAndAHarvestSchedule() {
        Rating r = rate(Crop.RICE, 15.0, 355, false);
        PlotAssessment p = r.crop().plots().get(0);
        CropReference rice = REFERENCE.crop(Crop.RICE);
        assertThat(p.crop()).isEqualTo("RICE");
        assertThat(p.probability()).isGreaterThan(0.6);
        // On the WGS84 ellipsoid at 28.2 N a degree of latitude is 111,132.95 - 559.82 cos 56.4 + 1.18 cos 112.8 = 110,822.7 m
        // and a degree of longitude 111,412.84 cos 28.2 - 93.5 cos 84.6 = 98,179.4 m: 99.74 m x 100.14 m = 9,988 m2
        // = 14.98 mu (1 mu = 666.67 m2); the geodesic figure must agree within 0.5%
        assertThat(p.areaMu()).isCloseTo(14.98, within(0.075));
        assertThat(p.growthStage()).isEqualTo("HARVESTED");
        assertThat(p.stageDate()).isEqualTo(LocalDate.ofYearDay(2025, 355));
        assertThat(p.greenUpDate()).isBetween(LocalDate.ofYearDay(2025, 125), LocalDate.ofYearDay(2025, 140));
        assertThat(p.yieldBasis()).isEqualTo("yield-v1");
        assertThat(p.cropBasis()).isEqualTo("crop-xgb-v1");
        // A healthy curve at the crop's typical peak: yield near the reference 472 kg/mu
        assertThat(p.expectedYieldKgPerMu()).isBetween(0.85 * rice.yieldKgPerMu(), 1.15 * rice.yieldKgPerMu());
        assertThat(p.expectedYieldKg()).isCloseTo(p.expectedYieldKgPerMu() * p.areaMu(), within(0.5));
        assertThat(p.expectedValueCny()).isCloseTo(p.expectedYieldKg() * rice.priceCnyPerKg(), within(1.0));
        assertThat(p.lendingValueCny()).isCloseTo(p.expectedValueCny() * rice.loanToValue(), within(0.01));
        assertThat(p.harvestMonth()).isEqualTo(10);
        assertThat(p.mismatch()).isFalse();
        assertThat(r.decision().referralReasons()).doesNotContain("CROP_MISMATCH");
        assertThat(r.explanation().versions().models()).contains("crop-xgb-v1", "crop-xgb-early-v1", "yield-v1");
        if (r.decision().limitCny() > 0) {
            // Rated on readings up to December: repay the month after next October's harvest
            assertThat(r.decision().repaymentSchedule()).hasSize(1);
            assertThat(r.decision().repaymentSchedule().get(0).dueMonth()).isEqualTo(java.time.YearMonth.of(2026, 11));
        }
    }

    @Test
    void midSeasonTheStageIsReadButCropAndYieldWaitForTheWholeYear() {
        assertThat(rate(Crop.RICE, null, 175, false).crop().plots().get(0).growthStage()).isEqualTo("GREEN_UP");
        assertThat(rate(Crop.RICE, null, 225, false).crop().plots().get(0).growthStage()).isEqualTo("PEAK");
        // Day 285 is cloud-flagged, so the latest clear reading is day 275 (2 October), where the fall is half done
        Rating october = rate(Crop.RICE, null, 285, false);
        PlotAssessment p = october.crop().plots().get(0);
        assertThat(p.growthStage()).isEqualTo("SENESCENCE");
        assertThat(p.stageDate()).isEqualTo(LocalDate.ofYearDay(2025, 275));
        // Clear readings from day 15 to day 275 span 260 days, less than crop.ndvi.minSpanDays (300): the early-season
        // model judges the crop from this year's readings, and the reference yield stands
        assertThat(p.cropBasis()).isEqualTo("crop-xgb-early-v1");
        assertThat(p.crop()).isEqualTo("RICE");
        assertThat(p.probability()).isGreaterThan(0.5);
        assertThat(p.yieldBasis()).isEqualTo("REFERENCE_YIELD");
        assertThat(october.explanation().notAssessed()).filteredOn(n -> n.section().equals("crop.plots.P1.ndvi"))
                .singleElement().satisfies(n -> assertThat(n.en()).contains("early-season model"));
    }

    @Test
    void beforeDayNinetyTheDeclarationStands() {
        // Readings up to day 85 (26 March): the early-season model was trained on seasons cut from day 90 on
        PlotAssessment p = rate(Crop.COTTON, null, 85, false).crop().plots().get(0);
        assertThat(p.cropBasis()).isEqualTo("DECLARED");
        assertThat(p.crop()).isEqualTo("COTTON");
        assertThat(p.probability()).isEqualTo(0.5);
        assertThat(p.mismatch()).isFalse();
    }

    @Test
    void aFalseCropDeclarationIsCaughtNamedAndReferred() {
        Rating r = rate(Crop.COTTON, 15.0, 355, false);
        PlotAssessment p = r.crop().plots().get(0);
        assertThat(p.crop()).isEqualTo("RICE");
        assertThat(p.mismatch()).isTrue();
        assertThat(p.mismatchReason()).startsWith("the satellite curve shows RICE (probability").endsWith("not the declared COTTON");
        assertThat(p.mismatchReasonZh()).contains("稻谷", "棉花");
        assertThat(r.decision().outcome()).isEqualTo(Outcome.REFER);
        assertThat(r.decision().referralReasons()).contains("CROP_MISMATCH");
    }

    @Test
    void anOverstatedAreaIsFlagged() {
        PlotAssessment p = rate(Crop.RICE, 25.0, 355, false).crop().plots().get(0);
        assertThat(p.mismatch()).isTrue();
        assertThat(p.mismatchReason()).isEqualTo("declared area 25.00 mu differs from the measured 14.98 mu by more than 15%");
    }

    @Test
    void redAndNearInfraredBandsGiveTheSameAssessmentAsNdvi() {
        PlotAssessment fromNdvi = rate(Crop.RICE, 15.0, 355, false).crop().plots().get(0);
        PlotAssessment fromBands = rate(Crop.RICE, 15.0, 355, true).crop().plots().get(0);
        assertThat(fromBands.crop()).isEqualTo(fromNdvi.crop());
        assertThat(fromBands.growthStage()).isEqualTo(fromNdvi.growthStage());
        assertThat(fromBands.peakNdvi()).isCloseTo(fromNdvi.peakNdvi(), within(0.002));
        assertThat(fromBands.expectedYieldKgPerMu()).isCloseTo(fromNdvi.expectedYieldKgPerMu(), within(0.02 * fromNdvi.expectedYieldKgPerMu()));
    }

    @Test
    void tooFewClearReadingsFallBackToTheDeclarationAndSaySo() {
        Plot plot = new Plot("P1", Crop.RICE, null, SQUARE, readings(35, false));
        Rating r = ENGINE.rate(new RatingRequest(FARMER, null, null, null, List.of(plot), null));
        PlotAssessment p = r.crop().plots().get(0);
        assertThat(p.growthStage()).isEqualTo("UNKNOWN");
        assertThat(p.yieldBasis()).isEqualTo("REFERENCE_YIELD");
        assertThat(p.expectedYieldKgPerMu()).isEqualTo(REFERENCE.crop(Crop.RICE).yieldKgPerMu());
        assertThat(r.explanation().notAssessed()).extracting(n -> n.section()).contains("crop.plots.P1.ndvi");
    }
}
