package org.greencredit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.greencredit.core.rating.RuleHit;
import org.greencredit.rules.facts.GreenFacts;
import org.greencredit.rules.facts.PolicyFacts;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {
    private static final RuleEvaluator RULES = new RuleEvaluator(Ruleset.shipped());

    private static GreenFacts green(Integer level, Double yoy, int anomalies, String division, double eInvoice, boolean saving, Set<String> certs) {
        return new GreenFacts(division, level, level == null ? null : 0.5 * level, yoy, 1.0, anomalies, eInvoice, 0.0, 0.0, 0.0,
                saving, certs, level != null, 0);
    }

    private static PolicyFacts policy(double pd, String colour, Integer pastDue, Double inflow, double requested, boolean credit) {
        return new PolicyFacts(pd, "B", colour, 50, false, 0, credit, pastDue, inflow, null, requested, 12, "WORKING_CAPITAL", false, null, false);
    }

    @Test
    void levelOneFirmWithBehavioursIsDeepGreenAndScoresTheSumOfItsPoints() {
        var result = RULES.evaluateGreen(green(1, -0.08, 0, "13", 0.9, true, Set.of("ISO14001")));
        // 30 (level 1) + 10 (decline) + 8 (e-invoices) + 8 (equipment) + 6 (ISO 14001) = 62
        assertThat(result.score()).isEqualTo(62);
        assertThat(result.grade()).isEqualTo("B");
        assertThat(result.colour()).isEqualTo("DEEP_GREEN");
        assertThat(result.hits()).extracting(RuleHit::id)
                .contains("G-CE-1", "G-HD-1", "G-BH-1", "G-BH-5", "G-BH-6", "G-CO-DG", "G-SC-0", "G-GR-B")
                .doesNotContain("G-CO-LG", "G-CO-YEL", "G-CO-RED");
        assertThat(result.hits()).filteredOn(h -> h.id().equals("G-CE-1")).singleElement()
                .satisfies(h -> {
                    assertThat(h.points()).isEqualTo(30);
                    assertThat(h.evidence()).isEqualTo("carbonEfficiencyK=0.5");
                    assertThat(h.titleEn()).isEqualTo("Carbon-efficiency level 1 (high efficiency)");
                    assertThat(h.source()).contains("碳效码");
                });
    }

    @Test
    void anomaliesDemoteAnEfficientFirmToLightGreen() {
        var result = RULES.evaluateGreen(green(2, null, 1, "14", 0.0, false, Set.of()));
        assertThat(result.colour()).isEqualTo("LIGHT_GREEN");
        assertThat(result.score()).isEqualTo(22);
        assertThat(result.grade()).isEqualTo("D");
    }

    @Test
    void highEmissionIndustryWithLowEfficiencyIsExcludedAndNotGreen() {
        var result = RULES.evaluateGreen(green(4, null, 0, "31", 0.0, false, Set.of()));
        assertThat(result.excluded()).isTrue();
        assertThat(result.colour()).isEqualTo("YELLOW");
        assertThat(result.hits()).extracting(RuleHit::id).contains("G-EX-1", "G-CO-YEL");
    }

    @Test
    void withoutCarbonAccountTheColourIsYellowAndGradeComesFromBehavioursAlone() {
        var result = RULES.evaluateGreen(green(null, null, 0, "52", 0.95, false, Set.of()));
        assertThat(result.colour()).isEqualTo("YELLOW");
        assertThat(result.score()).isEqualTo(8);
        assertThat(result.grade()).isEqualTo("E");
    }

    @Test
    void lowRiskDeepGreenApplicantIsApprovedWithDiscountAndCappedLimit() {
        var result = RULES.evaluatePolicy(policy(0.02, "DEEP_GREEN", 0, 100_000.0, 500_000, true));
        assertThat(result.outcome()).isEqualTo("APPROVE");
        assertThat(result.limitCny()).isEqualTo(300_000.0);
        assertThat(result.rateDiscountBp()).isEqualTo(50);
        assertThat(result.referralReasons()).isEmpty();
    }

    @Test
    void reviewBandRefersAndWithdrawsTheDiscount() {
        var result = RULES.evaluatePolicy(policy(0.12, "DEEP_GREEN", 0, 100_000.0, 100_000, true));
        assertThat(result.outcome()).isEqualTo("REFER");
        assertThat(result.rateDiscountBp()).isZero();
        assertThat(result.referralReasons()).containsExactly("PD_REVIEW_BAND");
        assertThat(result.hits()).extracting(RuleHit::id).contains("P-OUT-2", "P-DIS-1", "P-DIS-0");
    }

    @Test
    void debtOfABillionAgainstSmallInflowsIsReferredNotApproved() {
        // The probe's case (issue 14, finding 8): a low PD, but 1e9 CNY of debt against 20,000 a month, 4,167 years of inflows.
        var facts = new PolicyFacts(0.02, "B", "LIGHT_GREEN", 50, false, 0, true, 0, 20_000.0, 1e9, 50_000, 12, "WORKING_CAPITAL", false, null,
                false);
        var result = RULES.evaluatePolicy(facts);
        assertThat(result.outcome()).isEqualTo("REFER");
        assertThat(result.referralReasons()).containsExactly("DEBT_ABOVE_CAPACITY");
        assertThat(result.hits()).filteredOn(h -> h.id().equals("P-OUT-8")).singleElement()
                .satisfies(h -> assertThat(h.evidence()).isEqualTo("existingDebtCny=1.0E9"));
        // Debt of 12 months of inflow (240,000) is not above the cut-off; without inflows the rule has nothing to compare.
        assertThat(RULES.evaluatePolicy(new PolicyFacts(0.02, "B", "LIGHT_GREEN", 50, false, 0, true, 0, 20_000.0, 240_000.0, 50_000, 12,
                "WORKING_CAPITAL", false, null, false)).outcome()).isEqualTo("APPROVE");
        assertThat(RULES.evaluatePolicy(new PolicyFacts(0.02, "B", "LIGHT_GREEN", 50, false, 0, true, 0, null, 1e9, 50_000, 12,
                "WORKING_CAPITAL", false, null, false)).referralReasons()).doesNotContain("DEBT_ABOVE_CAPACITY");
    }

    @Test
    void pooledSessionsCarryNothingFromOneEvaluationToTheNextNorAcrossThreads() throws Exception {
        // Each case alone on a fresh evaluator is the expectation; then all of them in turn, and on four threads at once.
        java.util.Random random = new java.util.Random(3);
        List<PolicyFacts> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            cases.add(policy(random.nextDouble() * 0.3, List.of("DEEP_GREEN", "LIGHT_GREEN", "YELLOW", "RED").get(random.nextInt(4)),
                    random.nextInt(4) == 0 ? 120 : 0, random.nextBoolean() ? 50_000.0 : null, 100_000 + random.nextInt(400_000),
                    random.nextInt(6) != 0));
        }
        List<RuleEvaluator.PolicyResult> alone = new java.util.ArrayList<>();
        for (PolicyFacts facts : cases.subList(0, 40)) {
            alone.add(new RuleEvaluator(RULES.ruleset()).evaluatePolicy(facts));
        }
        List<RuleEvaluator.PolicyResult> inTurn = cases.stream().map(RULES::evaluatePolicy).toList();
        assertThat(inTurn.subList(0, 40)).isEqualTo(alone);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<RuleEvaluator.PolicyResult>> atOnce = new java.util.ArrayList<>();
            for (PolicyFacts facts : cases) {
                atOnce.add(pool.submit(() -> RULES.evaluatePolicy(facts)));
            }
            for (int i = 0; i < cases.size(); i++) {
                assertThat(atOnce.get(i).get()).as("case %d", i).isEqualTo(inTurn.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(inTurn).extracting(RuleEvaluator.PolicyResult::outcome).contains("APPROVE", "REFER", "DECLINE");
    }

    @Test
    void declineOutranksRefer() {
        var result = RULES.evaluatePolicy(policy(0.30, "YELLOW", 120, 50_000.0, 100_000, true));
        assertThat(result.outcome()).isEqualTo("DECLINE");
        assertThat(result.referralReasons()).containsExactlyInAnyOrder("PD_ABOVE_APPETITE", "SERIOUS_DELINQUENCY");
    }

    @Test
    void thinFileWithReviewBandPdIsReferredOnceForEachReasonWithoutLimit() {
        var result = RULES.evaluatePolicy(policy(0.12, "YELLOW", null, null, 50_000, false));
        assertThat(result.outcome()).isEqualTo("REFER");
        assertThat(result.referralReasons()).containsExactlyInAnyOrder("PD_REVIEW_BAND", "THIN_FILE", "NO_LIMIT_BASIS");
        assertThat(result.limitCny()).isZero();
        assertThat(result.hits()).extracting(RuleHit::id).doesNotHaveDuplicates();
    }

    @Test
    void ruleWithoutMetadataIsRejectedNamingIt() {
        String drl = "package x;\nrule \"bare\" when then end\n";
        assertThatThrownBy(() -> Ruleset.compileDrl("t", Map.of("bare.drl", drl)))
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("rule 'bare'").hasMessageContaining("[id, titleZh, titleEn, source]");
    }

    @Test
    void syntaxErrorIsRejectedWithFileAndLine() {
        String drl = "package x;\nrule \"broken\"\nwhen\n  String( length > )\nthen\nend\n";
        assertThatThrownBy(() -> Ruleset.compileDrl("t", Map.of("broken.drl", drl)))
                .isInstanceOf(RulesetException.class)
                .satisfies(e -> assertThat(((RulesetException) e).problems()).anyMatch(p -> p.contains("broken.drl:")));
    }

    @Test
    void versionCarriesTheContentHash() {
        assertThat(RULES.ruleset().version()).matches("2026\\.12-2\\+[0-9a-f]{12}");
        List<String> ids = RULES.ruleset().rules().stream().map(RuleInfo::id).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(30);
    }
}
