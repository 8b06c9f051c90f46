package org.greencredit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShippedCasesTest {
    private static final Ruleset RULESET = Ruleset.shipped();

    private static List<RuleCases.Case> cases() {
        return RuleCases.read(new InputStreamReader(ShippedCasesTest.class.getResourceAsStream("/rules/cases.csv"),
                StandardCharsets.UTF_8), "cases.csv");
    }

    @Test
    void everyShippedCasePasses() {
        List<RuleCases.Outcome> outcomes = RuleCases.run(new RuleEvaluator(RULESET), cases());
        assertThat(outcomes).hasSizeGreaterThan(20);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.differences()).as(o.testCase().name()).isEmpty());
    }

    @Test
    void everyRuleHasAFiringAndANonFiringCase() {
        Set<String> ids = RULESET.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        assertThat(RuleCases.expectedFired(cases())).as("rules some case expects to fire").containsAll(ids);
        assertThat(RuleCases.expectedNotFired(cases())).as("rules some case expects not to fire").containsAll(ids);
    }

    @Test
    void aMisspeltColumnIsRejectedByName() {
        String csv = "case,kind,eInvoce,expect.score\nc1,green,0.9,8\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleCases.read(new java.io.StringReader(csv), "c.csv"))
                .hasMessageContaining("unknown column 'eInvoce'");
    }

    @Test
    void aWrongExpectationIsReportedInWords() {
        var changed = new java.util.HashMap<>(cases().get(0).cells());
        changed.put("expect.score", "98");
        changed.put("expect.fired", "G-CE-2");
        var testCase = new RuleCases.Case(2, "edited", "green", changed);
        List<String> diff = RuleCases.run(new RuleEvaluator(RULESET), List.of(testCase)).get(0).differences();
        assertThat(diff).hasSize(2);
        assertThat(diff.get(0)).isEqualTo("score: expected 98, got 99");
        assertThat(diff.get(1)).startsWith("expected rule G-CE-2 to fire; fired [");
    }
}
