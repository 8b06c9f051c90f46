package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.reports.FeatureTable;
import org.greencredit.models.registry.ModelRegistry;
import org.greencredit.models.training.ModelTraining;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service on a model registry holding models trained by {@code model train}'s own code on the engine's features:
 * a change of the active models needs two administrators and lands in the audit chain; from then ratings carry the
 * challenger's shadow score for the bank and never for the firm; outcomes recorded against ratings feed the comparison.
 */
@Tag("slow")
class ModelGovernanceApiTest extends ApiTestSupport {
    private static final Path REGISTRY = trainedRegistry();

    /** The shipped models plus a gbt ({@code gbt-bank}) trained on 2,000 synthetic firms' engine features. */
    private static Path trainedRegistry() {
        try {
            Path dir = Files.createTempDirectory("greencredit-registry");
            Path registry = dir.resolve("models");
            ModelRegistry.open(registry);
            Path table = dir.resolve("features.csv");
            FeatureTable.write(RatingEngine.standard(Clock.systemUTC()), new SyntheticPopulation(3, YearMonth.of(2025, 12), 24,
                    ReferenceData.shipped()), 2_000, table);
            Set<String> notFeatures = Set.of("province", "section", "sizeClass", "thinFile", FeatureTable.TRUE_PD);
            ModelTraining.train(table, FeatureTable.OUTCOME, "1", notFeatures, registry.resolve("gbt-bank"), 42, ModelTraining.Kind.GBT);
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) {
        properties.add("greencredit.models.dir", REGISTRY::toString);
    }

    private static String proposal(String champion, String challenger, String reason) {
        return "{\"champion\": \"" + champion + "\", \"challenger\": " + (challenger == null ? "null" : "\"" + challenger + "\"")
                + ", \"reason\": \"" + reason + "\"}";
    }

    @Test
    void aChallengerBecomesActiveOnlyWithASecondAdministratorAndThenScoresInShadowForTheBankAlone() {
        JsonNode listing = officer.get("/api/v1/models").json();
        assertThat(listing.get("active").get("champion").asString()).isEqualTo("scorecard-v1");
        JsonNode gbt = null;
        for (JsonNode m : listing.get("models")) {
            if (m.get("name").asString().equals("gbt-bank")) {
                gbt = m;
            }
        }
        assertThat(gbt).as("gbt-bank listed").isNotNull();
        assertThat(gbt.get("kind").asString()).isEqualTo("gbt");
        assertThat(gbt.get("championable").asBoolean()).isFalse();
        assertThat(gbt.get("problem").isNull()).isTrue();
        String gbtVersion = gbt.get("version").asString();

        ApiClient.Reply proposed = admin.postJson("/api/v1/models/changes", proposal("scorecard-v1", "gbt-bank", "shadow the bank's own gbt"));
        assertThat(proposed.status()).isEqualTo(201);
        String id = proposed.json().get("id").asString();
        assertThat(proposed.json().get("status").asString()).isEqualTo("PENDING");

        ApiClient.Reply self = admin.postJson("/api/v1/models/changes/" + id + "/approve", "{}");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("detail").asString()).contains("four eyes");
        assertThat(engine.creditModels().challenger()).as("no challenger before the second approval").isNull();
        assertThat(officer.postJson("/api/v1/models/changes/" + id + "/approve", "{}").status()).isEqualTo(403);

        ApiClient.Reply approved = secondAdmin.postJson("/api/v1/models/changes/" + id + "/approve", "{\"note\": \"card read\"}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo("admin2");
        assertThat(engine.creditModels().challenger().version()).isEqualTo(gbtVersion);
        assertThat(ModelRegistry.open(REGISTRY).active()).isEqualTo(new ModelRegistry.Active("scorecard-v1", "scorecard-thin-v1", "gbt-bank"));
        assertThat(secondAdmin.postJson("/api/v1/models/changes/" + id + "/approve", "{}").status()).isEqualTo(409);
        assertThat(auditTrail()).contains("MODEL_CHANGE_PROPOSED " + id, "MODEL_CHANGE_APPROVED " + id);

        // Pipelines and officers see the challenger; the firm, rating itself or reading back, does not.
        JsonNode byPipeline = api.postJson("/api/v1/ratings", AccessApiTest.requestFor(SME_A)).json();
        assertThat(byPipeline.get("credit").get("challenger").get("modelVersion").asString()).isEqualTo(gbtVersion);
        assertThat(byPipeline.get("explanation").get("versions").get("models").asString()).contains("challenger:" + gbtVersion);
        String ratingId = byPipeline.get("id").asString();
        assertThat(officer.get("/api/v1/ratings/" + ratingId).json().get("credit").has("challenger")).isTrue();
        ApiClient.Reply firmReads = smeA.get("/api/v1/ratings/" + ratingId);
        assertThat(firmReads.status()).isEqualTo(200);
        assertThat(firmReads.body()).doesNotContain("challenger").doesNotContain(gbtVersion);
        ApiClient.Reply firmRates = smeA.postJson("/api/v1/ratings", AccessApiTest.requestFor(SME_A));
        assertThat(firmRates.status()).isEqualTo(201);
        assertThat(firmRates.body()).doesNotContain("challenger");
        String firmRatingId = firmRates.json().get("id").asString();
        assertThat(officer.get("/api/v1/ratings/" + firmRatingId).json().get("credit").has("challenger")).as("stored with it").isTrue();
        ApiClient.Reply firmSimulates = smeA.postJson("/api/v1/ratings:simulate", AccessApiTest.requestFor(SME_A));
        assertThat(firmSimulates.status()).isEqualTo(200);
        assertThat(firmSimulates.body()).doesNotContain("challenger");

        // Outcomes of two of the three ratings the two models scored; the comparison counts them.
        JsonNode third = api.postJson("/api/v1/ratings", AccessApiTest.requestFor(SME_B)).json();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(api.putJson("/api/v1/ratings/" + ratingId + "/outcome", "{\"defaulted\": true, \"observedOn\": \"" + today + "\"}").status())
                .isEqualTo(200);
        assertThat(officer.putJson("/api/v1/ratings/" + third.get("id").asString() + "/outcome",
                "{\"defaulted\": false, \"observedOn\": \"" + today + "\"}").status()).isEqualTo(200);
        JsonNode comparison = officer.get("/api/v1/models/comparison").json();
        assertThat(comparison.get("championVersion").asString()).isEqualTo("scorecard-v1");
        assertThat(comparison.get("challengerVersion").asString()).isEqualTo(gbtVersion);
        JsonNode overall = comparison.get("overall");
        assertThat(overall.get("firms").asInt()).isEqualTo(3);
        assertThat(overall.get("withOutcome").asInt()).isEqualTo(2);
        assertThat(overall.get("observedDefaultRate").asDouble()).isEqualTo(0.5);
        assertThat(auditTrail()).contains("OUTCOME_RECORDED " + ratingId);
        assertThat(officer.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aGbtCannotBeProposedAsChampionAndTheProblemNamesTheField() {
        ApiClient.Reply reply = admin.postJson("/api/v1/models/changes", proposal("gbt-bank", null, "the gbt looks stronger"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"champion\"").contains("must be a points scorecard");
        ApiClient.Reply unknown = admin.postJson("/api/v1/models/changes", proposal("scorecard-v1", "no-such-model", "try a model"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"challenger\"").contains("is not a model of the registry");
        ApiClient.Reply noReason = admin.postJson("/api/v1/models/changes", proposal("scorecard-v1", "gbt-bank", "why"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"reason\"");
    }

    @Test
    void theProposerMayWithdrawAndAWithdrawnChangeCannotBeApproved() {
        String id = admin.postJson("/api/v1/models/changes", proposal("scorecard-v1", "scorecard-thin-v1", "a scorecard as challenger"))
                .json().get("id").asString();
        ApiClient.Reply withdrawn = admin.postJson("/api/v1/models/changes/" + id + "/reject", "{\"note\": \"wrong model\"}");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(secondAdmin.postJson("/api/v1/models/changes/" + id + "/approve", "{}").status()).isEqualTo(409);
        assertThat(auditTrail()).contains("MODEL_CHANGE_REJECTED " + id);
    }

    @Test
    void anOutcomeNeedsItsFieldsAndADateBetweenTheRatingAndToday() {
        String id = api.postJson("/api/v1/ratings", AccessApiTest.requestFor(SME_B)).json().get("id").asString();
        ApiClient.Reply missing = api.putJson("/api/v1/ratings/" + id + "/outcome", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"defaulted\"").contains("\"observedOn\"");
        ApiClient.Reply before = api.putJson("/api/v1/ratings/" + id + "/outcome", "{\"defaulted\": false, \"observedOn\": \"2020-01-01\"}");
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.body()).contains("is before the rating");
        ApiClient.Reply future = api.putJson("/api/v1/ratings/" + id + "/outcome",
                "{\"defaulted\": false, \"observedOn\": \"" + LocalDate.now(ZoneOffset.UTC).plusDays(2) + "\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("is in the future");
        assertThat(api.putJson("/api/v1/ratings/no-such-rating/outcome", "{\"defaulted\": false, \"observedOn\": \"2026-01-01\"}").status())
                .isEqualTo(404);
    }
}
