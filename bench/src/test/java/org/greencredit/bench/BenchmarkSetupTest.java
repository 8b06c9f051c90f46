package org.greencredit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.greencredit.core.rating.Contribution;
import org.greencredit.core.rating.PlotAssessment;
import org.greencredit.engine.batch.BatchRunner;
import org.greencredit.models.credit.ScorecardResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every benchmark sets up and does its work once on small inputs, outside JMH, so that a change to
 * the engine that breaks a benchmark fails the build instead of the next measurement. No timing here.
 */
@Tag("slow")
class BenchmarkSetupTest {
    private static final Blackhole HOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    @Test
    void theRatingBenchmarkRatesItsRequestsInTurn() {
        RatingBenchmark b = new RatingBenchmark();
        b.seed = 7;
        b.count = 3;
        b.challenger = "none";
        b.setUp();
        EngineBenchmark.Cursor cursor = new EngineBenchmark.Cursor();
        List<String> rated = List.of(b.rate(cursor).smeId(), b.rate(cursor).smeId(), b.rate(cursor).smeId(), b.rate(cursor).smeId());
        String first = b.requests.get(0).sme().id();
        assertThat(rated).containsExactly(first, b.requests.get(1).sme().id(), b.requests.get(2).sme().id(), first);
        b.tearDown();
    }

    @Test
    void withAGbtChallengerEveryRatingTheChampionScoresCarriesItsShadowScore() {
        RatingBenchmark b = new RatingBenchmark();
        b.seed = 7;
        b.count = 3;
        b.challenger = "gbt";
        b.setUp();
        EngineBenchmark.Cursor cursor = new EngineBenchmark.Cursor();
        for (int i = 0; i < 3; i++) {
            var credit = b.rate(cursor).credit();
            assertThat(credit.modelVersion()).isEqualTo("scorecard-v1");
            assertThat(credit.challenger().modelVersion()).startsWith("gbt-");
        }
        b.tearDown();
    }

    @Test
    void theCarbonBenchmarkAccountsTwelveMonthAccounts() {
        CarbonBenchmark b = new CarbonBenchmark();
        b.seed = 7;
        b.count = 5;
        b.setUp();
        assertThat(b.accounts).hasSize(5).allSatisfy(r -> assertThat(r.carbonAccount()).isNotNull());
        assertThat(b.carbonAccount(new EngineBenchmark.Cursor()).smeId()).isEqualTo(b.accounts.get(0).sme().id());
        b.tearDown();
    }

    @Test
    void theRulesBenchmarkEvaluatesItsFacts() {
        RulesBenchmark b = new RulesBenchmark();
        b.seed = 7;
        b.count = 10;
        b.setUp();
        assertThat(b.green).hasSize(10);
        assertThat(b.policy).hasSize(10);
        b.greenAndPolicy(new EngineBenchmark.Cursor(), HOLE);
    }

    @Test
    void theCreditModelBenchmarkScoresWithPointsThatAddUp() throws IOException {
        CreditModelBenchmark b = new CreditModelBenchmark();
        b.seed = 7;
        b.count = CreditModelBenchmark.GBT_BATCH;
        b.setUp();
        ScorecardResult r = b.championWithPoints(new EngineBenchmark.Cursor());
        double points = r.interceptPoints() + r.contributions().stream().mapToDouble(Contribution::points).sum();
        assertThat(points).isEqualTo(r.score());
        b.challengerWithTreeShapInBatches(new EngineBenchmark.Cursor(), HOLE);
        double[] shadow = b.challengerInShadowOneFirm(new EngineBenchmark.Cursor());
        assertThat(shadow).hasSize(1);
        assertThat(shadow[0]).isBetween(0.0, 1.0);
    }

    @Test
    void thePlotBenchmarkEstimatesEveryPlotOfAFarmAndOfABatch() {
        PlotBenchmark b = new PlotBenchmark();
        b.seed = 7;
        b.count = 200;
        b.setUp();
        List<PlotAssessment> farm = b.oneCallPerFarm(new EngineBenchmark.Cursor());
        assertThat(farm).hasSize(b.farms.get(0).size());
        assertThat(b.batchesOfPlots(new EngineBenchmark.Cursor())).hasSize(PlotBenchmark.BATCH);
    }

    @Test
    void theBatchBenchmarkRatesEveryRowOfItsFile() throws IOException {
        BatchBenchmark b = new BatchBenchmark();
        b.seed = 7;
        b.format = "arrow";
        b.setUp();
        BatchRunner.Summary summary = b.fileToFile();
        assertThat(summary.read()).isEqualTo(BatchBenchmark.ROWS);
        assertThat(summary.rated()).isEqualTo(BatchBenchmark.ROWS);
        assertThat(summary.rejected()).isZero();
        b.tearDown();
    }
}
