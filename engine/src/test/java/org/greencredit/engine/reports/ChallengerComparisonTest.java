package org.greencredit.engine.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengerComparisonTest {
    private static Map<String, String> groups(String region) {
        return Map.of("region", region, "sizeClass", "MICRO", "thinFile", "full", "farm", "non-farm");
    }

    /**
     * Four firms. Grades: (A, A) same; (BBB, A) one apart; (B, BBB) two apart; (CCC, CCC) same: same grade 2/4, within one 3/4.
     * Champion PDs 0.02, 0.03, 0.10, 0.20 rank 1,2,3,4; challenger PDs 0.015, 0.018, 0.05, 0.25 rank 1,2,3,4: Spearman 1.
     * Outcomes: the last two defaulted. Champion: both defaults above both repayments, AUC 1; Brier
     * (0.02^2 + 0.03^2 + 0.9^2 + 0.8^2) / 4 = (0.0004 + 0.0009 + 0.81 + 0.64) / 4 = 0.362825.
     */
    private static final List<ChallengerComparison.Compared> FIRMS = List.of(
            new ChallengerComparison.Compared(groups("more-developed"), 0.02, "A", 0.015, "A", false),
            new ChallengerComparison.Compared(groups("more-developed"), 0.03, "BBB", 0.018, "A", false),
            new ChallengerComparison.Compared(groups("less-developed"), 0.10, "B", 0.05, "BBB", true),
            new ChallengerComparison.Compared(groups("less-developed"), 0.20, "CCC", 0.25, "CCC", true));

    @Test
    void overallFiguresMatchHandCounts() {
        ChallengerComparison.Figures f = ChallengerComparison.of(FIRMS, "four firms", "champ", "chall").overall();
        assertThat(f.firms()).isEqualTo(4);
        assertThat(f.sameGrade()).isEqualTo(0.5);
        assertThat(f.withinOneGrade()).isEqualTo(0.75);
        assertThat(f.spearman()).isCloseTo(1.0, within(1e-12));
        assertThat(f.meanChampionPd()).isCloseTo(0.0875, within(1e-12));
        assertThat(f.meanChallengerPd()).isCloseTo(0.08325, within(1e-12));
        assertThat(f.withOutcome()).isEqualTo(4);
        assertThat(f.observedDefaultRate()).isEqualTo(0.5);
        assertThat(f.champion().auc()).isEqualTo(1.0);
        assertThat(f.champion().brier()).isCloseTo(0.362825, within(1e-12));
        assertThat(f.challenger().auc()).isEqualTo(1.0);
    }

    @Test
    void eachRegionGetsItsOwnFiguresAndAGroupWithOneOutcomeClassHasNoAuc() {
        ChallengerComparison.Report report = ChallengerComparison.of(FIRMS, "four firms", "champ", "chall");
        ChallengerComparison.Dimension region = report.dimensions().get(0);
        assertThat(region.dimension()).isEqualTo("region");
        assertThat(region.groups()).extracting(ChallengerComparison.Group::group).containsExactly("less-developed", "more-developed");
        ChallengerComparison.Figures more = region.groups().get(1).figures();
        assertThat(more.firms()).isEqualTo(2);
        assertThat(more.sameGrade()).isEqualTo(0.5);
        assertThat(more.observedDefaultRate()).isEqualTo(0.0);
        assertThat(more.champion().auc()).isNull();
        assertThat(more.champion().meanPd()).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void withoutOutcomesTheCalibrationFiguresAreAbsentNotZero() {
        List<ChallengerComparison.Compared> unknown = FIRMS.stream().map(c -> new ChallengerComparison.Compared(c.groups(), c.championPd(),
                c.championGrade(), c.challengerPd(), c.challengerGrade(), null)).toList();
        ChallengerComparison.Figures f = ChallengerComparison.of(unknown, "four firms", "champ", "chall").overall();
        assertThat(f.withOutcome()).isZero();
        assertThat(f.observedDefaultRate()).isNull();
        assertThat(f.champion()).isEqualTo(new ChallengerComparison.Side(null, null, null, null));
        assertThat(f.spearman()).isCloseTo(1.0, within(1e-12));
    }

    /** Ranks with ties: values 3, 1, 3, 2 rank 3.5, 1, 3.5, 2. */
    @Test
    void tiesShareTheirAverageRank() {
        assertThat(ChallengerComparison.ranks(new double[] {3, 1, 3, 2})).containsExactly(3.5, 1, 3.5, 2);
        // ranks a = (3.5, 1, 3.5, 2), b = (1, 2, 3, 4), mean 2.5: deviations a (1, -1.5, 1, -0.5), b (-1.5, -0.5, 0.5, 1.5);
        // covariance sum -1.5 + 0.75 + 0.5 - 0.75 = -1; variances 1 + 2.25 + 1 + 0.25 = 4.5 and 5: -1 / sqrt(22.5).
        assertThat(ChallengerComparison.spearman(new double[] {3, 1, 3, 2}, new double[] {1, 2, 3, 4}))
                .isCloseTo(-1 / Math.sqrt(22.5), within(1e-12));
        assertThat(ChallengerComparison.spearman(new double[] {1, 1}, new double[] {1, 2})).isNull();
    }
}
