package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.greencredit.core.rating.Outcome;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.Sme;
import org.greencredit.datasets.io.GreenCreditJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The findings of the probe of the service (issue 14), each reproduced as the probe did it and
 * answered as it should be now. Numbers are the issue's.
 */
class ProbeFindingsApiTest extends ApiTestSupport {
    private static final String REASON = """
            "reason": "checked the books on site: inflows match the bank statements\"""";

    /** A generated request the engine refers with a limit above the four-eyes threshold, filed for {@code smeId}. */
    private String largeReferral(String smeId) {
        RatingRequest found = LongStream.range(0, 3_000).mapToObj(engine.syntheticRequests(5)::get)
                .filter(r -> {
                    Rating rating = engine.rate(r);
                    return rating.decision().outcome() == Outcome.REFER && rating.decision().limitCny() > 300_000;
                })
                .findFirst().orElseThrow(() -> new AssertionError("no referral above 300,000 CNY among 3,000 generated requests"));
        Sme sme = new Sme(smeId, found.sme().name(), found.sme().regionCode(), found.sme().industryCode(), found.sme().sizeClass(),
                found.sme().foundedOn());
        RatingRequest mine = new RatingRequest(sme, found.carbonAccount(), found.greenBehaviours(), found.credit(), found.plots(),
                found.loanRequest());
        JsonNode rating = api.postJson("/api/v1/ratings", GreenCreditJson.mapper().writeValueAsString(mine)).json();
        assertThat(rating.at("/decision/outcome").asString()).isEqualTo("REFER");
        assertThat(rating.at("/decision/limitCny").asDouble()).isGreaterThan(300_000);
        return rating.get("id").asString();
    }

    @Test
    void finding4AnOfficerAloneCannotApproveAReferralWhoseOwnLimitIsAboveTheThreshold() {
        String id = largeReferral("91330800PROBE00004");
        JsonNode override = officer.postJson("/api/v1/ratings/" + id + "/overrides", "{\"outcome\": \"APPROVE\", " + REASON + "}").json();
        assertThat(override.get("status").asString()).isEqualTo("PENDING_SECOND_APPROVAL");
        // Lowering the limit to under the threshold while approving is the officer's own call.
        JsonNode small = officer.postJson("/api/v1/ratings/" + id + "/overrides",
                "{\"outcome\": \"APPROVE\", \"limitCny\": 200000, " + REASON + "}").json();
        assertThat(small.get("status").asString()).isEqualTo("APPLIED");
    }

    @Test
    void finding5TwoSimultaneousAppealsOnOneRatingOpenOnlyOne() throws Exception {
        String id = smeB.postJson("/api/v1/ratings", AccessApiTest.requestFor(SME_B)).json().get("id").asString();
        String appeal = """
                {"field": "carbonAccount.revenueCny", "claim": "our revenue was left out of the request", "evidence": "tax return 2025"}""";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> smeB.postJson("/api/v1/ratings/" + id + "/appeals", appeal).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        JsonNode mine = smeB.get("/api/v1/smes/" + SME_B + "/appeals").json();
        assertThat(mine.valueStream().filter(a -> a.get("ratingId").asString().equals(id) && a.get("status").asString().equals("OPEN")))
                .hasSize(1);
    }

    @Test
    void finding7ASessionTokenCannotMintAnotherSession() {
        String token = smeA.postJson("/api/v1/sessions", "").json().get("token").asString();
        ApiClient session = anonymous.with("Authorization", "Bearer " + token);
        ApiClient.Reply minted = session.postJson("/api/v1/sessions", "");
        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.contentType()).startsWith("application/problem+json");
        assertThat(minted.json().get("detail").asString()).contains("password");
        assertThat(session.delete("/api/v1/sessions/current").status()).isEqualTo(204);
        assertThat(session.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void finding12AReasonFilterIsACodeNotALikePattern() {
        ApiClient.Reply wildcard = officer.get("/api/v1/referrals?reason=_");
        assertThat(wildcard.status()).isEqualTo(400);
        assertThat(wildcard.contentType()).startsWith("application/problem+json");
        String id = api.postJson("/api/v1/ratings", AccessApiTest.requestFor("91330800PROBE00012")).json().get("id").asString();
        List<String> thin = officer.get("/api/v1/referrals?reason=THIN_FILE&limit=1000").json().valueStream()
                .map(n -> n.get("id").asString()).toList();
        assertThat(thin).contains(id);
        // THIN_FILE's underscore is a literal: THINXFILE matches nothing.
        assertThat(officer.get("/api/v1/referrals?reason=THINXFILE&limit=1000").json().size()).isZero();
    }

    @Test
    void finding11ADuplicateKeyIsRefusedOnTheSinglePath() {
        ApiClient.Reply reply = api.postJson("/api/v1/ratings", AccessApiTest.requestFor("91330800PROBE00011")
                .replace("\"sizeClass\": \"MICRO\"", "\"sizeClass\": \"MICRO\", \"sizeClass\": \"MEDIUM\""));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).containsIgnoringCase("duplicate");
    }

    @Test
    void finding11InvalidAndOverlongUtf8AreRefusedOnBothPaths() {
        byte[] overlong = AccessApiTest.requestFor("91330800PROBE0011B").replace("测试企业", "AB").getBytes(StandardCharsets.UTF_8);
        int at = new String(overlong, StandardCharsets.ISO_8859_1).indexOf("AB");
        overlong[at] = (byte) 0xC0;
        overlong[at + 1] = (byte) 0xAF;
        ApiClient.Reply single = api.post("/api/v1/ratings", "application/json", overlong);
        assertThat(single.status()).isEqualTo(400);
        assertThat(single.contentType()).startsWith("application/problem+json");

        byte[] good = AccessApiTest.requestFor("91330800PROBE0011C").strip().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[overlong.length + good.length + 2];
        System.arraycopy(overlong, 0, body, 0, overlong.length);
        body[overlong.length] = '\n';
        System.arraycopy(good, 0, body, overlong.length + 1, good.length);
        body[body.length - 1] = '\n';
        List<JsonNode> results = api.post("/api/v1/ratings:batch", "application/x-ndjson", body).body().lines()
                .map(line -> GreenCreditJson.mapper().readTree(line)).toList();
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(results.get(0).at("/errors/0/message").asString()).isEqualTo("the line is not valid UTF-8");
        assertThat(results.get(1).get("status").asString()).isEqualTo("RATED");
    }

    @Test
    void finding10AHundredThousandEmptyLinesGetAShortAnswer() {
        String lines = String.join(",", java.util.Collections.nCopies(100_000, "{}"));
        String body = AccessApiTest.requestFor("91330800PROBE00010").strip()
                .replaceFirst("}$", ", \"carbonAccount\": {\"revenueCny\": 1000000, \"lines\": [" + lines + "]}}");
        ApiClient.Reply reply = api.postJson("/api/v1/ratings", body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").size()).isLessThanOrEqualTo(101);
        assertThat(reply.body().length()).isLessThan(50_000);
    }
}
