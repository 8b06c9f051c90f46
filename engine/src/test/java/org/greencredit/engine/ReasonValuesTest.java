package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.core.rating.Contribution;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.rating.Reason;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.greencredit.models.credit.Bin;
import org.greencredit.models.credit.FeatureInfo;
import org.greencredit.models.credit.Scorecard;
import org.junit.jupiter.api.Test;

/** Reasons that agree with the points: each credit reason states the firm's value and the band that scores best. */
class ReasonValuesTest {
    private static final Sme FIRM = new Sme("NINE1", "九年老店", "330802", "F5211", SizeClass.MICRO, LocalDate.of(2017, 5, 1));

    private static Rating nineYearOldFirm() {
        return TestFirms.ENGINE.rate(new RatingRequest(FIRM, null, null, TestFirms.STEADY_CREDIT, null, TestFirms.LOAN_100K, null));
    }

    /**
     * scorecard-v1 gives 9 years in business the bin [8.84, 10.24), 3 points; its best bin is 20.66 years or more, 36
     * points (scorecard.csv). The reason says so, at the feature's one decimal (feature_texts.csv), instead of "short
     * time in business" for a firm that earned points for its age.
     */
    @Test
    void theAgeReasonStatesNineYearsAndTheBandThatEarnsFullPoints() {
        Rating rating = nineYearOldFirm();
        Reason age = rating.explanation().reasons().stream().filter(r -> r.code().equals("R-AGE")).findFirst().orElseThrow();
        assertThat(age.zh()).isEqualTo("经营年限9年，20.7年及以上可得满分");
        assertThat(age.en()).isEqualTo("Years in business 9 years; 20.7 years or more earns full points");
    }

    @Test
    void everyCreditReasonIsAFeatureBelowItsBestBinAndNamesIt() {
        Rating rating = nineYearOldFirm();
        Scorecard champion = TestFirms.ENGINE.creditModels().champion();
        Map<String, FeatureInfo> byCode = new HashMap<>();
        champion.features().values().forEach(f -> byCode.put(f.reasonCode(), f));
        Map<String, Double> points = new HashMap<>();
        for (Contribution c : rating.explanation().contributions()) {
            points.put(c.feature(), c.points());
        }
        List<Reason> creditReasons = rating.explanation().reasons().stream().filter(r -> byCode.containsKey(r.code())).toList();
        assertThat(creditReasons).as("the steady firm loses points on some features").isNotEmpty();
        for (Reason r : creditReasons) {
            FeatureInfo f = byCode.get(r.code());
            int best = champion.bins().get(f.feature()).stream().filter(b -> b.kind() != Bin.Kind.MISSING).mapToInt(Bin::points).max().orElseThrow();
            assertThat(points.get(f.feature())).as("%s shown to the firm", f.feature()).isLessThan(best);
            assertThat(r.zh()).startsWith(f.nameZh()).doesNotContain(f.reasonZh());
            assertThat(r.en()).startsWith(f.nameEn()).doesNotContain(f.reasonEn());
        }
    }
}
