package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greencredit.core.rating.Anomaly;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.rating.Reason;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.core.text.BilingualText;
import org.greencredit.models.credit.FeatureInfo;
import org.greencredit.models.credit.ScorecardResult;
import org.junit.jupiter.api.Test;

/** The principal reasons: what decided the outcome first, then what cost most points, at most four. */
class ReasonsTest {
    private static final Reasons REASONS = new Reasons(new ReasonTexts(), new FeatureValueTexts(),
            new BilingualText("未提供{feature}相关数据", "{feature} could not be computed from the data given"));
    private static final Map<String, FeatureInfo> FEATURES = Map.of(
            "leverage", new FeatureInfo("leverage", "负债与年流入之比", "Debt to annual inflow", true, false, "R-LEV", "现有负债相对经营流入偏高",
                    "Existing debt is high relative to business inflows"),
            "ageYears", new FeatureInfo("ageYears", "经营年限", "Years in business", false, true, "R-AGE", "经营时间较短", "Short time in business"),
            "taxPaid", new FeatureInfo("taxPaid", "纳税", "Tax paid", true, true, "R-TAX", "纳税额偏低", "Little tax paid"));

    /** A scored applicant who lost these points against each feature's best bin; features listed as missing had no value. */
    private static ScorecardResult credit(Map<String, Integer> pointsBelowBest, List<String> missing) {
        return new ScorecardResult(600, 0.02, "B", 500, List.of(), pointsBelowBest, missing, Map.of());
    }

    private static Map<String, Integer> lost(Object... featureAndPoints) {
        Map<String, Integer> lost = new LinkedHashMap<>();
        for (int i = 0; i < featureAndPoints.length; i += 2) {
            lost.put((String) featureAndPoints[i], (Integer) featureAndPoints[i + 1]);
        }
        return lost;
    }

    @Test
    void anApprovalListsTheFeaturesThatLostMostPointsFirst() {
        List<Reason> reasons = REASONS.rank(Outcome.APPROVE, List.of(), List.of(), credit(lost("leverage", 12, "ageYears", 30, "taxPaid", 0),
                List.of()), FEATURES, Map.of(), 2, false, List.of(), 90);
        assertThat(reasons).extracting(Reason::code).containsExactly("R-AGE", "R-LEV");
        assertThat(reasons).extracting(Reason::impact).containsExactly(30.0, 12.0);
        assertThat(reasons.get(0).en()).isEqualTo("Short time in business");
    }

    @Test
    void aDeclinesPolicyReasonsOutrankEveryPointLostInTheirOrder() {
        List<Reason> reasons = REASONS.rank(Outcome.DECLINE, List.of("SERIOUS_DELINQUENCY", "PD_ABOVE_APPETITE"), List.of(),
                credit(lost("leverage", 40), List.of()), FEATURES, Map.of(), 3, false, List.of(), 50);
        // Decline tier 3000, then 2999 for the second policy reason; the 40 points lost come after.
        assertThat(reasons).extracting(Reason::code).containsExactly("SERIOUS_DELINQUENCY", "PD_ABOVE_APPETITE", "R-LEV");
        assertThat(reasons).extracting(Reason::impact).containsExactly(3000.0, 2999.0, 40.0);
        assertThat(reasons.get(0).zh()).isEqualTo("存在逾期超过90天的记录");
    }

    @Test
    void dataAnomaliesRankAfterReferralReasonsAndBeforePoints() {
        List<Reason> reasons = REASONS.rank(Outcome.REFER, List.of("CARBON_DATA_ANOMALY"),
                List.of(new Anomaly("SUDDEN_DROP", "用电量骤降", "Electricity fell suddenly", "2025-10..2025-12")),
                credit(lost("leverage", 5), List.of()), FEATURES, Map.of(), 3, false, List.of(), 60);
        assertThat(reasons).extracting(Reason::code).containsExactly("CARBON_DATA_ANOMALY", "ANOMALY_SUDDEN_DROP", "R-LEV");
        assertThat(reasons).extracting(Reason::impact).containsExactly(2000.0, 1900.0, 5.0);
        assertThat(reasons.get(1).en()).isEqualTo("Electricity fell suddenly");
    }

    @Test
    void aFeatureScoredAsMissingSaysTheDataWasNotGiven() {
        List<Reason> reasons = REASONS.rank(Outcome.APPROVE, List.of(), List.of(), credit(lost("taxPaid", 25), List.of("taxPaid")), FEATURES, Map.of(),
                2, false, List.of(), 90);
        assertThat(reasons).containsExactly(new Reason("R-TAX-MISSING", "未提供纳税相关数据", "Tax paid could not be computed from the data given",
                25.0));
    }

    @Test
    void lowCarbonEfficiencyWeighsHalfTheGreenPointsMissingToAHundred() {
        // Level 4 is below average; a green score of 40 misses 60 points, weighted 0.5: impact 30, above the 12 points lost on leverage.
        List<Reason> reasons = REASONS.rank(Outcome.APPROVE, List.of(), List.of(), credit(lost("leverage", 12), List.of()), FEATURES, Map.of(), 4, false,
                List.of(), 40);
        assertThat(reasons).extracting(Reason::code).containsExactly("LOW_CARBON_EFFICIENCY", "R-LEV");
        assertThat(reasons.get(0).impact()).isEqualTo(30.0);
    }

    @Test
    void aGreenExclusionIsAReasonWhateverTheLevel() {
        List<Reason> reasons = REASONS.rank(Outcome.APPROVE, List.of(), List.of(), credit(lost(), List.of()), FEATURES, Map.of(), null, true,
                List.of(new RuleHit("G-EX-2", "环境处罚：不享受绿色优惠", "Environmental penalty: no green terms", 0, "penalties=1", "test")), 80);
        // The rule that excluded is named, not always the high-emission one.
        assertThat(reasons).containsExactly(new Reason("GREEN_EXCLUDED", "不享受绿色优惠：环境处罚：不享受绿色优惠",
                "No green discount: Environmental penalty: no green terms", 10.0));
    }

    /** A bank's ruleset may exclude by a rule not named G-EX-: the reason is still given, in its general words. */
    @Test
    void anExclusionByAnUnnamedRuleKeepsTheGeneralText() {
        List<Reason> reasons = REASONS.rank(Outcome.APPROVE, List.of(), List.of(), credit(lost(), List.of()), FEATURES, Map.of(), null, true,
                List.of(), 80);
        assertThat(reasons).containsExactly(new Reason("GREEN_EXCLUDED", "不享受绿色优惠", "No green discount", 10.0));
    }

    @Test
    void neverMoreThanFourReasons() {
        List<Reason> reasons = REASONS.rank(Outcome.REFER, List.of("PD_REVIEW_BAND", "THIN_FILE", "NO_LIMIT_BASIS"), List.of(),
                credit(lost("leverage", 12, "ageYears", 30, "taxPaid", 7), List.of()), FEATURES, Map.of(), 5, false, List.of(), 20);
        assertThat(reasons).extracting(Reason::code).containsExactly("PD_REVIEW_BAND", "THIN_FILE", "NO_LIMIT_BASIS", "LOW_CARBON_EFFICIENCY");
    }
}
