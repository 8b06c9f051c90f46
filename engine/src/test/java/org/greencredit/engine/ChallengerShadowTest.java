package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.core.rating.ChallengerScore;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.models.credit.Bin;
import org.greencredit.models.credit.FeatureInfo;
import org.greencredit.models.credit.PdScaling;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.registry.ChallengerModel;
import org.greencredit.models.registry.CreditModels;
import org.junit.jupiter.api.Test;

/** A challenger scores in shadow beside the champion: it is reported, never decides, and the firm never sees it. */
class ChallengerShadowTest {
    private static final Sme FIRM = new Sme("SHADOW1", "影子评分测试", "330802", "C1811", SizeClass.SMALL, LocalDate.of(2017, 5, 1));
    private static final RatingRequest REQUEST = new RatingRequest(FIRM, null, null, TestFirms.STEADY_CREDIT, null, TestFirms.LOAN_100K, null);

    /**
     * One feature: leverage below 0.5 earns 20 points over an intercept of 600, on the scale 600 points = odds 50:1, 20 points
     * to double. The steady firm has no debt (leverage 0), so it scores 620: odds 100:1, PD 1/101 = 0.0099 to four places,
     * grade AA (above 0.005, at most 0.01, credit_grades.csv).
     */
    private static Scorecard leverageOnly() {
        Map<String, List<Bin>> bins = new LinkedHashMap<>();
        bins.put("leverage", List.of(new Bin("leverage", Bin.Kind.MISSING, null, null, null, 0, "test"),
                new Bin("leverage", Bin.Kind.RANGE, null, 0.5, null, 20, "test"),
                new Bin("leverage", Bin.Kind.RANGE, 0.5, null, null, 0, "test")));
        Map<String, FeatureInfo> features = Map.of("leverage", new FeatureInfo("leverage", "杠杆", "Leverage", true, false, "R-LEV", "高", "high"));
        return new Scorecard("challenger-test-1", 600, new PdScaling(600, 50, 20), bins, features, Map.of());
    }

    private static RatingEngine withChallenger() {
        CreditModels shipped = TestFirms.ENGINE.creditModels();
        return RatingEngine.builder(TestFirms.CLOCK)
                .creditModels(new CreditModels(shipped.champion(), shipped.thinFile(), ChallengerModel.of(leverageOnly()), Map.of()))
                .build();
    }

    @Test
    void theChallengersPdAndGradeComeWithTheRatingAndItsVersionWithTheModels() {
        Rating rating = withChallenger().rate(REQUEST);
        assertThat(rating.credit().challenger()).isEqualTo(new ChallengerScore("challenger-test-1", 0.0099, "AA"));
        assertThat(rating.explanation().versions().models()).startsWith("scorecard-v1,scorecard-thin-v1,challenger:challenger-test-1,");
    }

    @Test
    void theDecisionIsTheChampionsAloneWithOrWithoutAChallenger() {
        Rating without = TestFirms.ENGINE.rate(REQUEST);
        Rating with = withChallenger().rate(REQUEST);
        assertThat(without.credit().challenger()).isNull();
        assertThat(with.decision()).isEqualTo(without.decision());
        assertThat(with.credit().withoutChallenger()).isEqualTo(without.credit());
        assertThat(with.explanation().reasons()).isEqualTo(without.explanation().reasons());
        assertThat(with.explanation().contributions()).isEqualTo(without.explanation().contributions());
    }

    @Test
    void theRatedFirmSeesNeitherTheChallengersScoreNorItsVersion() {
        Rating rating = withChallenger().rate(REQUEST);
        String forFirm = GreenCreditJson.mapper().writeValueAsString(rating.forRatedFirm());
        assertThat(forFirm).doesNotContain("challenger");
        assertThat(rating.forRatedFirm().explanation().versions().models())
                .isEqualTo("scorecard-v1,scorecard-thin-v1,crop-xgb-v1,crop-xgb-early-v1,yield-v1,carbon-ocsvm-v1");
        assertThat(GreenCreditJson.mapper().writeValueAsString(rating)).contains("\"challenger\":{\"modelVersion\":\"challenger-test-1\"");
    }

    @Test
    void aThinFileScoredByItsOwnScorecardIsNotChallenged() {
        RatingRequest thin = new RatingRequest(FIRM, null, null, null, null, TestFirms.LOAN_100K, ThinFileLedgerRatingTest.steadyLedger());
        Rating rating = withChallenger().rate(thin);
        assertThat(rating.credit().modelVersion()).isEqualTo("scorecard-thin-v1");
        assertThat(rating.credit().challenger()).isNull();
    }

    @Test
    void switchingModelsTakesEffectForTheNextRatingWithoutANewEngine() {
        RatingEngine engine = RatingEngine.builder(TestFirms.CLOCK).build();
        assertThat(engine.rate(REQUEST).credit().challenger()).isNull();
        CreditModels shipped = engine.creditModels();
        engine.useCreditModels(new CreditModels(leverageOnly(), shipped.thinFile(), null, Map.of()));
        Rating rating = engine.rate(REQUEST);
        assertThat(rating.credit().modelVersion()).isEqualTo("challenger-test-1");
        assertThat(rating.credit().pd()).isEqualTo(0.0099);
        assertThat(engine.versions().models()).startsWith("challenger-test-1,scorecard-thin-v1,");
        assertThat(engine.info().vocabulary().features()).containsKey("leverage").containsKey("salesVolatility");
    }
}
