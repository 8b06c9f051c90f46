package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Officer review (referral queue, overrides, four eyes) and SME appeals, over real HTTP. */
class ReviewApiTest extends ApiTestSupport {

    /** An SME-only request is referred as a thin file (the rating says so). */
    private String referredRatingOf(String smeId) {
        JsonNode rating = api.postJson("/api/v1/ratings", AccessApiTest.requestFor(smeId)).json();
        assertThat(rating.get("decision").get("outcome").asString()).isEqualTo("REFER");
        return rating.get("id").asString();
    }

    private List<String> queueIds(String query) {
        return officer.get("/api/v1/referrals" + query).json().valueStream().map(n -> n.get("id").asString()).toList();
    }

    private List<String> auditActions() {
        return officer.get("/api/v1/audit?limit=1000").json().valueStream().map(n -> n.get("action").asString()).toList();
    }

    @Test
    void anOverrideNeedsAReasonSettlesTheReferralAndLeavesTheRatingAsItWas() {
        String id = referredRatingOf("91330800REVIEW0001");
        assertThat(queueIds("?reason=THIN_FILE&limit=1000")).contains(id);
        String asking = api.postJson("/api/v1/ratings", AccessApiTest.requestFor("91330800REVIEW0003")
                .replace("}}", "}, \"loanRequest\": {\"amountCny\": 80000, \"termMonths\": 12}}")).json().get("id").asString();
        JsonNode askingLine = officer.get("/api/v1/referrals?limit=1000").json().valueStream()
                .filter(n -> n.get("id").asString().equals(asking)).findFirst().orElseThrow();
        assertThat(askingLine.get("requestedCny").asDouble()).isEqualTo(80_000.0);
        assertThat(askingLine.get("pendingOverride").asBoolean()).isFalse();
        assertThat(queueIds("?reason=CROP_MISMATCH&limit=1000")).doesNotContain(id);
        String original = officer.get("/api/v1/ratings/" + id).body();
        JsonNode queued = officer.get("/api/v1/referrals?limit=1000").json().valueStream().filter(n -> n.get("id").asString().equals(id))
                .findFirst().orElseThrow();
        // The queue lists every reason of the rating, in its order.
        assertThat(queued.get("referralReasons")).isEqualTo(officer.get("/api/v1/ratings/" + id).json().get("decision").get("referralReasons"));
        assertThat(queued.get("referralReasons").size()).isGreaterThanOrEqualTo(1);

        ApiClient.Reply noReason = officer.postJson("/api/v1/ratings/" + id + "/overrides", "{\"outcome\": \"APPROVE\", \"limitCny\": 50000}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        ApiClient.Reply applied = officer.postJson("/api/v1/ratings/" + id + "/overrides", """
                {"outcome": "APPROVE", "limitCny": 50000, "reason": "纳税与水电记录已线下核实 verified tax and utility records on site"}""");
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.json().get("status").asString()).isEqualTo("APPLIED");
        assertThat(applied.json().get("requestedBy").asString()).isEqualTo("officer");

        assertThat(queueIds("?limit=1000")).doesNotContain(id);
        assertThat(officer.get("/api/v1/ratings/" + id).body()).isEqualTo(original);
        assertThat(officer.get("/api/v1/ratings/" + id + "/overrides").json().size()).isEqualTo(1);
        assertThat(auditActions()).contains("OVERRIDE_APPLIED");
        assertThat(smeA.get("/api/v1/referrals").status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/ratings/" + id + "/overrides", "{\"limitCny\": 1, \"reason\": \"pipelines may not\"}").status())
                .isEqualTo(403);
    }

    @Test
    void aLargeOverrideWaitsForASecondOfficer() {
        String id = referredRatingOf("91330800REVIEW0002");
        JsonNode pending = officer.postJson("/api/v1/ratings/" + id + "/overrides", """
                {"outcome": "APPROVE", "limitCny": 1000000, "reason": "collateral pledged: warehouse receipts for 2,000 t of rice"}""").json();
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_SECOND_APPROVAL");
        String overrideId = pending.get("id").asString();
        assertThat(queueIds("?limit=1000")).contains(id);
        // The queue line says so, with the firm's name as its request gave it (requestFor asks for no loan amount).
        JsonNode line = officer.get("/api/v1/referrals?limit=1000").json().valueStream().filter(n -> n.get("id").asString().equals(id))
                .findFirst().orElseThrow();
        assertThat(line.get("pendingOverride").asBoolean()).isTrue();
        assertThat(line.get("smeName").asString()).isEqualTo("测试企业");
        assertThat(line.get("requestedCny").isNull()).isTrue();

        ApiClient.Reply self = officer.postJson("/api/v1/overrides/" + overrideId + "/approval", "{}");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("detail").asString()).contains("four eyes");

        ApiClient.Reply noNote = secondOfficer.postJson("/api/v1/overrides/" + overrideId + "/rejection", "{}");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.json().get("errors").get(0).get("field").asString()).isEqualTo("note");

        JsonNode approved = secondOfficer.postJson("/api/v1/overrides/" + overrideId + "/approval", "{\"note\": \"receipts checked\"}").json();
        assertThat(approved.get("status").asString()).isEqualTo("APPLIED");
        assertThat(approved.get("decidedBy").asString()).isEqualTo("officer2");
        assertThat(queueIds("?limit=1000")).doesNotContain(id);
        assertThat(secondOfficer.postJson("/api/v1/overrides/" + overrideId + "/approval", "{}").status()).isEqualTo(409);
        assertThat(auditActions()).contains("OVERRIDE_REQUESTED", "OVERRIDE_APPROVED");
    }

    @Test
    void anSmeAppealsItsOwnRatingAndSeesTheCorrection() {
        String id = smeA.postJson("/api/v1/ratings", AccessApiTest.requestFor(SME_A)).json().get("id").asString();
        String original = smeA.get("/api/v1/ratings/" + id).body();
        String appealBody = """
                {"field": "sme.sizeClass", "claim": "we have 40 employees: a small firm, not a micro one",
                 "evidence": "social insurance register 2025-11, 40 insured staff"}""";

        assertThat(smeB.postJson("/api/v1/ratings/" + id + "/appeals", appealBody).status()).isEqualTo(404);
        ApiClient.Reply opened = smeA.postJson("/api/v1/ratings/" + id + "/appeals", appealBody);
        assertThat(opened.status()).isEqualTo(201);
        String appealId = opened.json().get("id").asString();
        assertThat(opened.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(smeA.postJson("/api/v1/ratings/" + id + "/appeals", appealBody).status()).isEqualTo(409);
        assertThat(smeB.get("/api/v1/appeals/" + appealId).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/appeals?status=OPEN&limit=1000").body()).contains(appealId);

        ApiClient.Reply incomplete = officer.postJson("/api/v1/appeals/" + appealId + "/resolution",
                "{\"decision\": \"CORRECTED\", \"answer\": \"size class corrected to SMALL\"}");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().get("errors").get(0).get("field").asString()).isEqualTo("correctedRequest");

        String corrected = AccessApiTest.requestFor(SME_A).replace("MICRO", "SMALL");
        JsonNode resolved = officer.postJson("/api/v1/appeals/" + appealId + "/resolution",
                "{\"decision\": \"CORRECTED\", \"answer\": \"size class corrected to SMALL after checking the register\", \"correctedRequest\": "
                        + corrected + "}").json();
        assertThat(resolved.get("status").asString()).isEqualTo("CORRECTED");
        String newId = resolved.get("correctedRatingId").asString();
        assertThat(newId).isNotEqualTo(id);

        JsonNode seen = smeA.get("/api/v1/appeals/" + appealId).json();
        assertThat(seen.get("status").asString()).isEqualTo("CORRECTED");
        assertThat(seen.get("answer").asString()).contains("SMALL");
        assertThat(smeA.get("/api/v1/ratings/" + id).body()).isEqualTo(original);
        assertThat(smeA.get("/api/v1/ratings/" + newId).status()).isEqualTo(200);
        assertThat(smeA.get("/api/v1/smes/" + SME_A + "/appeals").body()).contains(appealId);
        assertThat(auditActions()).contains("APPEAL_OPENED", "APPEAL_CORRECTED");
        assertThat(officer.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anOfficerMayRejectAnAppealWithAnAnswer() {
        String id = smeB.postJson("/api/v1/ratings", AccessApiTest.requestFor(SME_B)).json().get("id").asString();
        String appealId = smeB.postJson("/api/v1/ratings/" + id + "/appeals", """
                {"field": "green.colour", "claim": "we should be deep green, we bought solar panels"}""").json().get("id").asString();
        JsonNode rejected = officer.postJson("/api/v1/appeals/" + appealId + "/resolution", """
                {"decision": "REJECTED", "answer": "no carbon account was submitted; send your electricity bills and re-apply"}""").json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("correctedRatingId").isNull()).isTrue();
        assertThat(smeB.get("/api/v1/appeals/" + appealId).json().get("answer").asString()).contains("electricity bills");
        assertThat(officer.postJson("/api/v1/appeals/" + appealId + "/resolution", """
                {"decision": "REJECTED", "answer": "second answer to the same appeal"}""").status()).isEqualTo(409);
    }

    private static int count(JsonNode counts, String key) {
        return counts.valueStream().filter(c -> c.get("key").asString().equals(key)).mapToInt(c -> c.get("appeals").asInt()).sum();
    }

    @Test
    void appealFeedbackCountsWhatACorrectionChangedForOfficersOnly() {
        JsonNode before = officer.get("/api/v1/appeals/feedback").json();
        String id = smeA.postJson("/api/v1/ratings", AccessApiTest.requestFor(SME_A)).json().get("id").asString();
        String appealId = smeA.postJson("/api/v1/ratings/" + id + "/appeals", """
                {"field": "sme.sizeClass", "claim": "we have 40 employees: a small firm, not a micro one"}""").json().get("id").asString();
        String corrected = AccessApiTest.requestFor(SME_A).replace("MICRO", "SMALL");
        assertThat(officer.postJson("/api/v1/appeals/" + appealId + "/resolution", "{\"decision\": \"CORRECTED\", \"answer\": \"size class"
                + " corrected to SMALL after checking the register\", \"correctedRequest\": " + corrected + "}").status()).isEqualTo(200);

        JsonNode after = officer.get("/api/v1/appeals/feedback").json();
        // Other tests of this class resolve appeals too: what this one adds is one corrected appeal that contested and changed sme.sizeClass
        // and nothing else, and one outcome line and one colour line (changed or unchanged) for it.
        assertThat(after.get("corrected").asInt()).isEqualTo(before.get("corrected").asInt() + 1);
        assertThat(count(after.get("contestedFields"), "CORRECTED sme.sizeClass"))
                .isEqualTo(count(before.get("contestedFields"), "CORRECTED sme.sizeClass") + 1);
        assertThat(count(after.get("correctedInputs"), "sme.sizeClass")).isEqualTo(count(before.get("correctedInputs"), "sme.sizeClass") + 1);
        assertThat(after.get("correctedInputs").valueStream().mapToInt(c -> c.get("appeals").asInt()).sum())
                .isEqualTo(before.get("correctedInputs").valueStream().mapToInt(c -> c.get("appeals").asInt()).sum() + 1);
        assertThat(after.get("outcomeChanges").valueStream().mapToInt(c -> c.get("appeals").asInt()).sum()).isEqualTo(after.get("corrected").asInt());
        assertThat(after.get("colourChanges").valueStream().mapToInt(c -> c.get("appeals").asInt()).sum()).isEqualTo(after.get("corrected").asInt());

        assertThat(smeA.get("/api/v1/appeals/feedback").status()).isEqualTo(403);
        assertThat(anonymous.get("/api/v1/algorithm-filing").json().get("appealFeedback").get("corrected").asInt())
                .isEqualTo(after.get("corrected").asInt());
    }
}
