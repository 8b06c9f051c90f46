package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.greencredit.core.request.LoanPurpose;
import org.greencredit.core.request.LoanRequest;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.greencredit.engine.reports.RulesetImpact;
import org.greencredit.rules.engine.Ruleset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A candidate ruleset rated beside the active one on the same requests: only what the rules decide differently changes. */
class RulesetTrialTest {
    private static final List<String> FILES = List.of("ruleset.properties", "green-criteria.drl.xlsx", "green.drl", "policy-criteria.drl.xlsx",
            "policy.drl", "cases.csv");
    /** A policy rule the shipped rules do not have: no limit above 50,000. */
    private static final String CAP_50K = """

            rule "test cap at 50000"
                @id("P-TEST-1") @titleZh("测试：额度不超过5万元") @titleEn("Test: limit at most 50,000")
                @source("RulesetTrialTest")
            when
                $d : PolicyDecision()
            then
                $d.capLimit(drools.getRule().getName(), 50000, "test cap");
            end
            """;

    @TempDir
    Path dir;

    private Path shippedRulesWith(String extraPolicy) throws IOException {
        for (String file : FILES) {
            try (InputStream in = getClass().getResourceAsStream("/rules/" + file)) {
                Files.write(dir.resolve(file), in.readAllBytes());
            }
        }
        Files.writeString(dir.resolve("policy.drl"), Files.readString(dir.resolve("policy.drl"), StandardCharsets.UTF_8) + extraPolicy,
                StandardCharsets.UTF_8);
        return dir;
    }

    private static RatingRequest firm(String id, double requested) {
        return new RatingRequest(new Sme(id, "试算企业", "330802", "C1811", SizeClass.SMALL, LocalDate.of(2015, 1, 1)), null, null,
                TestFirms.STEADY_CREDIT, null, new LoanRequest(requested, 12, LoanPurpose.WORKING_CAPITAL), null);
    }

    /**
     * The steady firm is approved for what it asks, up to three months of its 100,000 monthly inflow: asking 100,000 it gets
     * 100,000 under the shipped rules and 50,000 under the cap; asking 30,000 it gets 30,000 under both.
     */
    @Test
    void aCapOnLimitsChangesTheLimitOfTheFirmAboveItAndNothingElse() throws IOException {
        Ruleset candidate = Ruleset.fromDirectory(shippedRulesWith(CAP_50K));
        RulesetImpact.Report impact = RulesetImpact.of(TestFirms.ENGINE.tryRules(candidate, List.of(firm("T1", 100_000), firm("T2", 30_000))));
        assertThat(impact.rated()).isEqualTo(2);
        assertThat(impact.notValid()).isZero();
        assertThat(impact.changed()).isEqualTo(1);
        assertThat(impact.limitChanged()).isEqualTo(1);
        assertThat(impact.outcomeChanged()).isZero();
        assertThat(impact.colourChanged()).isZero();
        assertThat(impact.examples()).containsExactly(new RulesetImpact.Change("T1", "decision.limitCny", "100000.0", "50000.0"));
        assertThat(impact.activeVersion()).isEqualTo(TestFirms.ENGINE.versions().ruleset());
        assertThat(impact.candidateVersion()).isEqualTo(candidate.version()).isNotEqualTo(impact.activeVersion());
    }

    @Test
    void theSameRulesChangeNothingAndAnInvalidRequestIsCountedNotRated() throws IOException {
        Ruleset same = Ruleset.fromDirectory(shippedRulesWith(""));
        RatingRequest invalid = new RatingRequest(new Sme("", "", "330802", "C1811", SizeClass.SMALL, null), null, null, null, null, null, null);
        RulesetImpact.Report impact = RulesetImpact.of(TestFirms.ENGINE.tryRules(same, List.of(firm("T1", 100_000), invalid)));
        assertThat(impact.rated()).isEqualTo(1);
        assertThat(impact.notValid()).isEqualTo(1);
        assertThat(impact.changed()).isZero();
        assertThat(impact.outcomeTransitions()).isEqualTo(Map.of());
    }
}
