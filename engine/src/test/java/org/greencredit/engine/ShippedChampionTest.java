package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.datasets.synthetic.SyntheticSme;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.credit.ScorecardResult;
import org.greencredit.models.training.Metrics;
import org.junit.jupiter.api.Test;

/** The shipped champion keeps its predictions and stays close to the process that generated its training data. */
class ShippedChampionTest {
    private static final Scorecard CHAMPION = Scorecard.shipped("scorecard-v1");

    @Test
    void onAnUnseenPopulationItsAucIsWithinTwoPointsOfTheGeneratingProcess() {
        RatingEngine engine = RatingEngine.standard(Clock.systemUTC());
        SyntheticPopulation population = new SyntheticPopulation(3, YearMonth.of(2025, 12), 24, ReferenceData.shipped());
        int n = 15_000;
        double[] model = new double[n];
        double[] process = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            SyntheticSme sme = population.generate(i);
            model[i] = CHAMPION.score(engine.creditFeatures(sme.request())).pd();
            process[i] = sme.truth().pd();
            y[i] = sme.truth().defaulted();
        }
        double gap = Metrics.of(process, y).auc() - Metrics.of(model, y).auc();
        assertThat(gap).isLessThan(0.02);
        double meanPredicted = java.util.Arrays.stream(model).average().orElseThrow();
        double observed = java.util.stream.IntStream.range(0, n).filter(i -> y[i]).count() / (double) n;
        assertThat(meanPredicted).isCloseTo(observed, within(0.01));
    }

    @Test
    void aFixedApplicantScoresAsWhenTheModelWasShipped() {
        Map<String, Double> features = new HashMap<>();
        features.put("leverage", 0.3);
        features.put("maxPastDueDays", 0.0);
        features.put("inflowVolatility", 0.1);
        features.put("inflowGrowth", 0.02);
        features.put("yearsInBusiness", 6.0);
        features.put("taxToInflow", 0.012);
        features.put("eInvoiceShare", 0.85);
        features.put("microEnterprise", 1.0);
        ScorecardResult r = CHAMPION.score(features);
        // Recorded when scorecard-v1 was shipped; a changed points table changes it.
        assertThat(r.score()).isEqualTo(SHIPPED_SCORE);
        assertThat(r.interceptPoints() + r.contributions().stream().mapToDouble(c -> c.points()).sum()).isEqualTo(r.score());
        assertThat(r.missingFeatures()).contains("carbonEfficiencyK", "paperlessShare");
    }

    private static final int SHIPPED_SCORE = 590;
}
