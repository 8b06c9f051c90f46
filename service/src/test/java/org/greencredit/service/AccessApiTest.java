package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who may see what, safe retries, and the audit chain, over real HTTP. */
class AccessApiTest extends ApiTestSupport {
    @Autowired
    JdbcClient jdbc;

    /** A minimal request for a firm: only the SME section. */
    static String requestFor(String smeId) {
        return """
                {"sme": {"id": "%s", "name": "测试企业", "regionCode": "330802", "industryCode": "C1391", "sizeClass": "MICRO"}}
                """.formatted(smeId);
    }

    private static void assertProblem(ApiClient.Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void withoutCredentialsEveryApiCallIs401AsProblemJson() {
        long before = repository.count();
        ApiClient.Reply post = anonymous.postJson("/api/v1/ratings", requestFor(SME_A));
        assertProblem(post, 401);
        assertThat(post.header("WWW-Authenticate")).startsWith("Basic");
        assertProblem(anonymous.get("/api/v1/ratings/any"), 401);
        assertProblem(anonymous.get("/api/v1/audit/verify"), 401);
        assertProblem(anonymous.as("officer", "wrong").get("/api/v1/smes/" + SME_A + "/ratings"), 401);
        ApiClient.Reply badKey = anonymous.withApiKey("not-a-key").postJson("/api/v1/ratings", requestFor(SME_A));
        assertProblem(badKey, 401);
        assertThat(badKey.json().get("detail").asString()).contains("X-API-Key");
        assertThat(repository.count()).isEqualTo(before);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aWrongRoleIs403AsProblemJson() {
        assertProblem(smeA.get("/api/v1/audit/verify"), 403);
        assertProblem(api.get("/api/v1/audit/verify"), 403);
        assertThat(officer.get("/api/v1/audit/verify").status()).isEqualTo(200);
        assertThat(smeA.get("/api/v1/me").json().get("smeId").asString()).isEqualTo(SME_A);
        assertThat(anonymous.with("X-Requested-With", "web").get("/api/v1/me").header("WWW-Authenticate")).isNull();
    }

    @Test
    void anSmeSeesOnlyItsOwnRatingsWhateverIdItTries() {
        String id = smeA.postJson("/api/v1/ratings", requestFor(SME_A)).json().get("id").asString();
        assertThat(smeA.get("/api/v1/ratings/" + id).status()).isEqualTo(200);
        assertThat(officer.get("/api/v1/ratings/" + id).status()).isEqualTo(200);

        assertThat(smeA.get("/api/v1/ratings/" + id + "/request").status()).isEqualTo(200);
        assertProblem(smeB.get("/api/v1/ratings/" + id + "/request"), 404);
        ApiClient.Reply other = smeB.get("/api/v1/ratings/" + id);
        assertProblem(other, 404);
        assertThat(other.body()).doesNotContain(SME_A);
        assertProblem(smeB.get("/api/v1/smes/" + SME_A + "/ratings"), 403);
        long before = repository.count();
        assertProblem(smeB.postJson("/api/v1/ratings", requestFor(SME_A)), 403);
        assertThat(repository.count()).isEqualTo(before);
        assertThat(smeB.get("/api/v1/smes/" + SME_B + "/ratings").status()).isEqualTo(200);
    }

    @Test
    void aRetriedPipelineCallWithTheSameIdempotencyKeyCreatesOneRating() {
        ApiClient retrying = api.with("Idempotency-Key", "batch-7-row-1");
        long before = repository.count();
        ApiClient.Reply first = retrying.postJson("/api/v1/ratings", requestFor("91330800IDEM000001"));
        ApiClient.Reply retry = retrying.postJson("/api/v1/ratings", requestFor("91330800IDEM000001"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repository.count()).isEqualTo(before + 1);

        ApiClient.Reply reused = retrying.postJson("/api/v1/ratings", requestFor("91330800IDEM000002"));
        assertProblem(reused, 409);
        assertThat(reused.json().get("detail").asString()).contains("batch-7-row-1");
        assertThat(repository.count()).isEqualTo(before + 1);
    }

    @Test
    void concurrentRetriesWithOneKeyStillCreateOneRating() throws Exception {
        ApiClient retrying = api.with("Idempotency-Key", "concurrent-1");
        long before = repository.count();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<ApiClient.Reply> call = () -> retrying.postJson("/api/v1/ratings", requestFor("91330800IDEM000003"));
            List<Future<ApiClient.Reply>> replies = pool.invokeAll(List.of(call, call, call, call));
            List<String> ids = replies.stream().map(f -> {
                try {
                    return f.get().json().get("id").asString();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).distinct().toList();
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(repository.count()).isEqualTo(before + 1);
    }

    @Test
    void theAuditChainRecordsRatingsAndDetectsAnEditedRow() {
        String id = api.postJson("/api/v1/ratings", requestFor("91330800AUDIT00001")).json().get("id").asString();
        api.postJson("/api/v1/ratings", requestFor("91330800AUDIT00002"));
        ApiClient.Reply verified = officer.get("/api/v1/audit/verify");
        assertThat(verified.json().get("intact").asBoolean()).isTrue();
        assertThat(verified.json().get("entries").asLong()).isGreaterThanOrEqualTo(2);

        long seq = jdbc.sql("select seq from audit_entry where subject_id = :id").param("id", id).query(Long.class).single();
        String entry = admin.get("/api/v1/audit?after=" + (seq - 1) + "&limit=1").json().get(0).toString();
        assertThat(entry).contains("RATING_CREATED", "test-pipeline", "ruleset=", "outcome=");

        // Someone with database access softens the recorded outcome.
        String original = jdbc.sql("select details from audit_entry where seq = :seq").param("seq", seq).query(String.class).single();
        jdbc.sql("update audit_entry set details = replace(details, 'outcome=', 'outcome=APPROVE was ') where seq = :seq")
                .param("seq", seq).update();
        try {
            ApiClient.Reply broken = officer.get("/api/v1/audit/verify");
            assertThat(broken.json().get("intact").asBoolean()).isFalse();
            assertThat(broken.json().get("firstBadSeq").asLong()).isEqualTo(seq);
            assertThat(broken.json().get("problem").asString()).contains("altered");
        } finally {
            jdbc.sql("update audit_entry set details = :d where seq = :seq").param("d", original).param("seq", seq).update();
        }
        assertThat(officer.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void theWebPagesTradeThePasswordForASessionTokenThatExpiresAndCanBeClosed() {
        ApiClient.Reply opened = smeA.postJson("/api/v1/sessions", "");
        assertThat(opened.status()).isEqualTo(201);
        String token = opened.json().get("token").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(opened.json().at("/caller/smeId").asString()).isEqualTo(SME_A);
        ApiClient session = anonymous.with("Authorization", "Bearer " + token);
        assertThat(session.get("/api/v1/smes/" + SME_A + "/ratings").status()).isEqualTo(200);
        assertProblem(session.get("/api/v1/smes/" + SME_B + "/ratings"), 403);

        assertThat(session.delete("/api/v1/sessions/current").status()).isEqualTo(204);
        assertProblem(session.get("/api/v1/me"), 401);
        assertProblem(anonymous.with("Authorization", "Bearer not-a-session").get("/api/v1/me"), 401);
        assertProblem(api.postJson("/api/v1/sessions", ""), 403);

        String expiring = officer.postJson("/api/v1/sessions", "").json().get("token").asString();
        jdbc.sql("update web_session set expires_at = created_at where username = 'officer'").update();
        assertProblem(anonymous.with("Authorization", "Bearer " + expiring).get("/api/v1/me"), 401);
    }
}
