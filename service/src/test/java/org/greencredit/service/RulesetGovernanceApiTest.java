package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Rule changes through the API: a staged ruleset is compiled, must pass its own cases, shows its impact on stored
 * requests, and becomes active only when a second administrator approves the directory as it was proposed.
 */
@Tag("slow")
class RulesetGovernanceApiTest extends ApiTestSupport {
    private static final Path STAGING = staging();

    /**
     * next and next3: the shipped rules under new declared versions (2026.12-2, 2026.12-3), cases and all; capped: a cap
     * of 50,000 on every limit, with the shipped cases, several of which expect limits above it; no-cases: without
     * cases.csv; broken: a policy file that does not compile.
     */
    private static Path staging() {
        try {
            Path staging = Files.createTempDirectory("greencredit-staging");
            StagedRuleset.copyShipped(staging.resolve("next"), "2026.12-2", "");
            StagedRuleset.copyShipped(staging.resolve("next3"), "2026.12-3", "");
            StagedRuleset.copyShipped(staging.resolve("capped"), "2026.12-cap", """

                    rule "test cap at 50000"
                        @id("P-TEST-1") @titleZh("测试：额度不超过5万元") @titleEn("Test: limit at most 50,000")
                        @source("RulesetGovernanceApiTest")
                    when
                        $d : PolicyDecision()
                    then
                        $d.capLimit(drools.getRule().getName(), 50000, "test cap");
                    end
                    """);
            StagedRuleset.copyShipped(staging.resolve("no-cases"), "2026.12-nc", "");
            Files.delete(staging.resolve("no-cases/cases.csv"));
            StagedRuleset.copyShipped(staging.resolve("broken"), "2026.12-broken", "\nrule \"half written\" when then\n");
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    @DynamicPropertySource
    static void stagingDirectory(DynamicPropertyRegistry properties) {
        properties.add("greencredit.rules.staging-dir", STAGING::toString);
    }

    private static String proposal(String directory) {
        return "{\"directory\": \"" + directory + "\", \"reason\": \"quarterly review of the policy rules\"}";
    }

    @Test
    void aRulesetPassingItsCasesIsActivatedByASecondAdministratorWithItsImpactShownFirst() {
        String active = engine.versions().ruleset();
        assertThat(api.postJson("/api/v1/ratings", AccessApiTest.requestFor(SME_A)).status()).isEqualTo(201);
        ApiClient.Reply proposed = admin.postJson("/api/v1/rulesets/changes", proposal("next"));
        assertThat(proposed.status()).isEqualTo(201);
        JsonNode change = proposed.json();
        String id = change.get("id").asString();
        assertThat(change.get("version").asString()).startsWith("2026.12-2+");
        assertThat(change.get("casesPassed").asInt()).isGreaterThan(30);
        assertThat(change.get("impact").get("rated").asInt()).isGreaterThanOrEqualTo(1);
        // The same rules under another name: no stored rating would change.
        assertThat(change.get("impact").get("changed").asInt()).isZero();
        assertThat(engine.versions().ruleset()).isEqualTo(active);

        assertThat(admin.postJson("/api/v1/rulesets/changes/" + id + "/approve", "{}").status()).isEqualTo(403);
        assertThat(engine.versions().ruleset()).isEqualTo(active);
        ApiClient.Reply approved = secondAdmin.postJson("/api/v1/rulesets/changes/" + id + "/approve", "{\"note\": \"impact read\"}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(engine.versions().ruleset()).isEqualTo(change.get("version").asString());
        JsonNode rated = api.postJson("/api/v1/ratings", AccessApiTest.requestFor(SME_A)).json();
        assertThat(rated.get("explanation").get("versions").get("ruleset").asString()).isEqualTo(change.get("version").asString());
        assertThat(auditTrail()).contains("RULESET_PROPOSED " + id, "RULESET_CHANGE_APPROVED " + id);
        assertThat(auditTrail()).anyMatch(a -> a.startsWith("RULESET_ACTIVATED " + change.get("version").asString()));
        assertThat(officer.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aRulesetFailingItsCasesIsRefusedNamingTheCasesAndNeverActivated() {
        String active = engine.versions().ruleset();
        ApiClient.Reply refused = admin.postJson("/api/v1/rulesets/changes", proposal("capped"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("cases.csv line").contains("P1 low risk deep green");
        assertThat(engine.versions().ruleset()).isEqualTo(active);
        assertThat(auditTrail()).contains("RULESET_REFUSED capped");
        for (JsonNode c : officer.get("/api/v1/rulesets").json().get("changes")) {
            assertThat(c.get("directory").asString()).isNotEqualTo("capped");
        }
    }

    @Test
    void aRulesetWithoutCasesOrThatDoesNotCompileOrOutsideTheStagingDirectoryIsRefused() {
        ApiClient.Reply noCases = admin.postJson("/api/v1/rulesets/changes", proposal("no-cases"));
        assertThat(noCases.status()).isEqualTo(400);
        assertThat(noCases.body()).contains("has no cases.csv");
        ApiClient.Reply broken = admin.postJson("/api/v1/rulesets/changes", proposal("broken"));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("\"directory\"");
        ApiClient.Reply outside = admin.postJson("/api/v1/rulesets/changes", proposal("../next"));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("must name a subdirectory of the staging directory");
    }

    @Test
    void aDirectoryChangedAfterItsProposalIsNotActivated() throws IOException {
        String id = admin.postJson("/api/v1/rulesets/changes", proposal("next3")).json().get("id").asString();
        Path green = STAGING.resolve("next3/green.drl");
        Files.writeString(green, Files.readString(green, StandardCharsets.UTF_8) + "\n// edited after review\n", StandardCharsets.UTF_8);
        String active = engine.versions().ruleset();
        ApiClient.Reply approve = secondAdmin.postJson("/api/v1/rulesets/changes/" + id + "/approve", "{}");
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.body()).contains("propose it again");
        assertThat(engine.versions().ruleset()).isEqualTo(active);
    }
}
