package org.greencredit.models.crop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhenologyTest {
    private static final Phenology.Settings SETTINGS = new Phenology.Settings(10, 0.08, 0.2, 0.9, 0.05);
    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);

    /** Double logistic from 0.2 to 0.8: rise centred on day 150, fall on day 270, slope 0.1 per day. */
    private static double curve(int day) {
        double rise = 1 / (1 + Math.exp(-0.1 * (day - 150)));
        double fall = 1 / (1 + Math.exp(-0.1 * (day - 270)));
        return 0.2 + 0.6 * (rise - fall);
    }

    private static Phenology season(int everyDays, List<Integer> cloudDimmed) {
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int day = 0; day < 365; day += everyDays) {
            dates.add(JAN_1.plusDays(day));
            values.add(cloudDimmed.contains(day) ? curve(day) * 0.5 : curve(day));
        }
        return Phenology.of(dates, values, SETTINGS);
    }

    private static long dayOf(LocalDate date) {
        return ChronoUnit.DAYS.between(JAN_1, date);
    }

    @Test
    void seasonDatesFollowTheCurve() {
        Phenology p = season(10, List.of());
        // 20% of the rise is reached ln(4) / 0.1 = 13.9 days before the rise's centre, likewise after the fall's.
        assertThat(dayOf(p.greenUpDate())).isCloseTo(136L, within(3L));
        assertThat(dayOf(p.endOfSeasonDate())).isCloseTo(284L, within(3L));
        assertThat(dayOf(p.peakDate())).isCloseTo(210L, within(10L));
        assertThat(p.peakNdvi()).isCloseTo(0.8, within(0.01));
        assertThat(p.amplitude()).isCloseTo(0.6, within(0.01));
        assertThat(p.seasonLengthDays()).isCloseTo(148, within(5));
        // Above the base the curve is 0.6 x (rise - fall); over the season that integrates to about 0.6 x 120 days minus the tails below 20%.
        assertThat(p.integral()).isBetween(0.6 * 120 * 0.9, 0.6 * 120 * 1.05);
    }

    @Test
    void stageOnADate() {
        Phenology p = season(10, List.of());
        assertThat(p.stageOn(JAN_1.plusDays(100))).isEqualTo(GrowthStage.PRE_SEASON);
        // day 160: rise = 1 / (1 + e^-1) = 0.73 of the amplitude, below the 90% peak share
        assertThat(p.stageOn(JAN_1.plusDays(160))).isEqualTo(GrowthStage.GREEN_UP);
        assertThat(p.stageOn(JAN_1.plusDays(210))).isEqualTo(GrowthStage.PEAK);
        // day 275: 1 - 1 / (1 + e^-0.5) = 0.38 of the amplitude remains, after the peak
        assertThat(p.stageOn(JAN_1.plusDays(275))).isEqualTo(GrowthStage.SENESCENCE);
        assertThat(p.stageOn(JAN_1.plusDays(300))).isEqualTo(GrowthStage.HARVESTED);
        assertThat(p.stageOn(JAN_1.plusDays(900))).isEqualTo(GrowthStage.HARVESTED);
    }

    @Test
    void cloudDimmedReadingsAreLiftedBackToTheCurve() {
        Phenology clean = season(10, List.of());
        Phenology dimmed = season(10, List.of(190, 210, 240));
        assertThat(dimmed.peakNdvi()).isCloseTo(clean.peakNdvi(), within(0.03));
        assertThat(dimmed.stageOn(JAN_1.plusDays(210))).isEqualTo(GrowthStage.PEAK);
        assertThat(dimmed.integral()).isCloseTo(clean.integral(), within(0.05 * clean.integral()));
    }

    @Test
    void irregularReadingsGiveTheSameSeason() {
        Phenology every10 = season(10, List.of());
        Phenology every23 = season(23, List.of());
        assertThat(dayOf(every23.greenUpDate())).isCloseTo(dayOf(every10.greenUpDate()), within(6L));
        assertThat(every23.peakNdvi()).isCloseTo(every10.peakNdvi(), within(0.03));
    }

    @Test
    void smoothingMatchesTheSavitzkyGolayWeightsByHand() {
        // Interior points of a quadratic are reproduced exactly; the first point uses the clamped window 0,0,0,1,2:
        // (-3 x 0.3 + 12 x 0.3 + 17 x 0.3 + 12 x 0.395 - 3 x 0.48) / 35 = 11.1 / 35 = 0.317143
        double[] v = new double[21];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.8 - 0.005 * (i - 10) * (i - 10);
        }
        double[] s = Phenology.smooth(v);
        assertThat(s[0]).isCloseTo(11.1 / 35, within(1e-9));
        assertThat(s[5]).isCloseTo(v[5], within(1e-12));
        assertThat(s[10]).isCloseTo(0.8, within(1e-12));
        // Season starts where the curve crosses 0.317143 + 0.2 x (0.8 - 0.317143) = 0.413714: between s[1] = 13.51 / 35 = 0.386
        // and s[2] = 0.48, at 1 + 0.027714 / 0.094 = 1.295 steps, i.e. day 13.
        Phenology p = Phenology.ofGrid(v, JAN_1, SETTINGS);
        assertThat(p.greenUpDate()).isEqualTo(JAN_1.plusDays(13));
        assertThat(p.peakDate()).isEqualTo(JAN_1.plusDays(100));
        assertThat(p.endOfSeasonDate()).isEqualTo(JAN_1.plusDays(187));
    }

    @Test
    void aFlatCurveShowsNoSeason() {
        Phenology p = Phenology.ofGrid(new double[] {0.21, 0.22, 0.2, 0.23, 0.21, 0.22, 0.2}, JAN_1, SETTINGS);
        assertThat(p.hasSeason()).isFalse();
        assertThat(p.greenUpDate()).isNull();
        assertThat(p.stageOn(JAN_1.plusDays(30))).isEqualTo(GrowthStage.NO_SEASON);
        assertThat(p.integral()).isZero();
    }

    @Test
    void unsortedOrTooFewReadingsAreRefusedWithTheDates() {
        assertThatThrownBy(() -> Phenology.of(List.of(JAN_1.plusDays(20), JAN_1), List.of(0.3, 0.4), SETTINGS))
                .hasMessage("readings must be sorted by date: 2025-01-01 follows 2025-01-21");
        assertThatThrownBy(() -> Phenology.of(List.of(JAN_1), List.of(0.3), SETTINGS))
                .hasMessage("need at least two dated readings, got 1 dates and 1 values");
    }
}
