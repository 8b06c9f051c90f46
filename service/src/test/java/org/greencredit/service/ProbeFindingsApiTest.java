package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.greencredit.datasets.io.ReadRow;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.io.RecordWriter;
import org.greencredit.service.audit.AuditLog;
import org.greencredit.service.batch.BatchResult;
import org.greencredit.service.support.DeflatedText;
import org.greencredit.service.support.Sha256;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The findings of the probe of the service (issue 14), each reproduced as the probe did it and
 * answered as it should be now. Numbers are the issue's.
 */
@Tag("slow")
class ProbeFindingsApiTest extends ApiTestSupport {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transaction;

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

    /** The audit entry recording a rating. */
    private JsonNode entryOf(String ratingId) {
        return officer.get("/api/v1/audit?limit=1000").json().valueStream()
                .filter(e -> e.get("action").asString().equals("RATING_CREATED") && e.get("subjectId").asString().equals(ratingId))
                .findFirst().orElseThrow();
    }

    /** Puts back an audit entry a test removed, column for column. */
    private void reinsert(java.util.Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String params = row.keySet().stream().map(k -> ":" + k).collect(java.util.stream.Collectors.joining(", "));
        var insert = jdbc.sql("insert into audit_entry (" + columns + ") values (" + params + ")");
        for (var e : row.entrySet()) {
            insert = insert.param(e.getKey(), e.getValue());
        }
        insert.update();
    }

    private String storedJson(String ratingId, String column) {
        return DeflatedText.inflate(jdbc.sql("select " + column + " from rating where id = :id").param("id", ratingId).query(byte[].class).single());
    }

    private void storeJson(String ratingId, String column, String json) {
        jdbc.sql("update rating set " + column + " = :bytes where id = :id").param("bytes", DeflatedText.deflate(json)).param("id", ratingId).update();
    }

    private JsonNode verify() {
        return officer.get("/api/v1/audit/verify").json();
    }

    @Test
    void finding1AStoredRatingEditedInTheDatabaseIsNamedByVerify() {
        JsonNode rating = api.postJson("/api/v1/ratings", GreenCreditJson.mapper().writeValueAsString(engine.syntheticRequests(3).get(0))).json();
        String id = rating.get("id").asString();
        long seq = entryOf(id).get("seq").asLong();
        String stored = storedJson(id, "rating_deflated");
        String edited = stored.replace("\"limitCny\":" , "\"limitCny\":9");
        assertThat(edited).isNotEqualTo(stored);
        try {
            storeJson(id, "rating_deflated", edited);
            JsonNode result = verify();
            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("firstBadSeq").asLong()).isEqualTo(seq);
            assertThat(result.get("problem").asString()).contains("stored rating " + id, "altered");
        } finally {
            storeJson(id, "rating_deflated", stored);
        }
        String request = storedJson(id, "request_deflated");
        try {
            storeJson(id, "request_deflated", request.replace("\"name\":\"", "\"name\":\"X"));
            assertThat(verify().get("problem").asString()).contains("stored request of rating " + id);
        } finally {
            storeJson(id, "request_deflated", request);
        }
        byte[] deflated = jdbc.sql("select rating_deflated from rating where id = :id").param("id", id).query(byte[].class).single();
        try {
            // Damaged rather than edited: the compressed value cut short no longer reads back at all.
            jdbc.sql("update rating set rating_deflated = :bytes where id = :id").param("bytes", Arrays.copyOf(deflated, deflated.length / 2))
                    .param("id", id).update();
            JsonNode result = verify();
            assertThat(result.get("firstBadSeq").asLong()).isEqualTo(seq);
            assertThat(result.get("problem").asString()).startsWith("the stored rating " + id + " cannot be read back (stored text is cut short")
                    .endsWith("it was altered or damaged");
        } finally {
            jdbc.sql("update rating set rating_deflated = :bytes where id = :id").param("bytes", deflated).param("id", id).update();
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void finding1AChainRecomputedWithoutTheKeyIsRefused() {
        api.postJson("/api/v1/ratings", AccessApiTest.requestFor("91330800PROBE0001B"));
        record Row(long seq, String details, String hash, int format) {
        }
        Row last = jdbc.sql("select seq, details, hash, format from audit_entry order by seq desc limit 1")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).single();
        // What someone with write access but without the key can do: edit, then recompute the plain SHA-256 chain.
        JsonNode entry = officer.get("/api/v1/audit?after=" + (last.seq() - 1) + "&limit=1").json().get(0);
        String details = last.details() + "; limitCny=9999999";
        String forged = Sha256.hex(String.join("\n", Long.toString(last.seq()), entry.get("at").asString(), entry.get("actor").asString(),
                entry.get("action").asString(), entry.get("subjectType").asString(), entry.get("subjectId").asString(),
                entry.get("inputHash").asString(""), entry.get("versions").asString(""), details, entry.get("prevHash").asString()));
        try {
            jdbc.sql("update audit_entry set details = :d, hash = :h, format = 1 where seq = :s").param("d", details).param("h", forged)
                    .param("s", last.seq()).update();
            jdbc.sql("update audit_head set last_hash = :h where id = 1").param("h", forged).update();
            JsonNode result = verify();
            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("firstBadSeq").asLong()).isEqualTo(last.seq());
            assertThat(result.get("problem").asString()).contains("without the key");
            // Keeping the keyed format does not help either: the HMAC cannot be recomputed without the key.
            jdbc.sql("update audit_entry set format = 2 where seq = :s").param("s", last.seq()).update();
            assertThat(verify().get("problem").asString()).contains("keyed hash");
        } finally {
            jdbc.sql("update audit_entry set details = :d, hash = :h, format = :f where seq = :s").param("d", last.details())
                    .param("h", last.hash()).param("f", last.format()).param("s", last.seq()).update();
            jdbc.sql("update audit_head set last_hash = :h where id = 1").param("h", last.hash()).update();
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void finding1ATailCutWithTheHeadRowIsFoundAgainstACheckpoint() {
        api.postJson("/api/v1/ratings", AccessApiTest.requestFor("91330800PROBE0001C"));
        // The tail cut is an entry that records no rating: one that did would leave its rating outside the chain,
        // which verify finds without a checkpoint (AuditGroupCommitTest).
        transaction.executeWithoutResult(tx -> audit.append("probe-test", "PROBE_MARK", "test", "tail", null, null, "the entry to cut"));
        JsonNode checkpoint = officer.get("/api/v1/audit/checkpoint").json();
        long seq = checkpoint.get("seq").asLong();
        String query = "?seq=" + seq + "&hash=" + checkpoint.get("hash").asString() + "&signature=" + checkpoint.get("signature").asString();
        assertThat(officer.get("/api/v1/audit/verify" + query).json().get("intact").asBoolean()).isTrue();

        java.util.Map<String, Object> removed = jdbc.sql("select * from audit_entry where seq = :s").param("s", seq).query().singleRow();
        String before = (String) removed.get("prev_hash");
        try {
            jdbc.sql("delete from audit_entry where seq = :s").param("s", seq).update();
            jdbc.sql("update audit_head set last_seq = :q, last_hash = :h where id = 1").param("q", seq - 1).param("h", before).update();
            // Without the checkpoint the shortened chain looks whole; with it, the cut shows.
            assertThat(verify().get("intact").asBoolean()).isTrue();
            JsonNode result = officer.get("/api/v1/audit/verify" + query).json();
            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("problem").asString()).contains("tail was cut");
            ApiClient.Reply forgedCheckpoint = officer.get("/api/v1/audit/verify?seq=" + (seq - 1) + "&hash=" + before + "&signature="
                    + checkpoint.get("signature").asString());
            assertThat(forgedCheckpoint.json().get("problem").asString()).contains("signature");
        } finally {
            reinsert(removed);
            jdbc.sql("update audit_head set last_seq = :q, last_hash = :h where id = 1").param("q", seq)
                    .param("h", checkpoint.get("hash").asString()).update();
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    private List<JsonNode> jsonLinesReply(String body) {
        ApiClient.Reply reply = api.post("/api/v1/ratings:batch", "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(200);
        return reply.body().lines().map(line -> GreenCreditJson.mapper().readTree(line)).toList();
    }

    @Test
    void finding2ANullRowAndAnOverflowingRowAreRejectedAndEveryOtherRowIsAnswered() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add(AccessApiTest.requestFor("91330800PROBE002" + (char) ('A' + i)).strip());
        }
        lines.set(2, "null");
        String huge = String.join(",", java.util.Collections.nCopies(12, "1e308"));
        lines.set(5, lines.get(5).replaceFirst("}$", ", \"credit\": {\"monthlyInflowsCny\": [" + huge + "]}}"));
        List<JsonNode> results = jsonLinesReply(String.join("\n", lines) + "\n");
        assertThat(results).extracting(r -> r.get("row").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(results.get(2).get("status").asString()).isEqualTo("REJECTED");
        assertThat(results.get(2).at("/errors/0/message").asString()).contains("null");
        assertThat(results.get(5).get("status").asString()).isEqualTo("REJECTED");
        assertThat(results).filteredOn(r -> r.get("status").asString().equals("RATED")).hasSize(6);
        // Every stored row was reported: the six rated ones are readable by their ids.
        results.stream().filter(r -> r.get("status").asString().equals("RATED"))
                .forEach(r -> assertThat(api.get("/api/v1/ratings/" + r.get("ratingId").asString()).status()).isEqualTo(200));
    }

    @Test
    void finding2AGarbageArrowStreamIs400BeforeAnyResult() {
        ApiClient.Reply garbage = api.post("/api/v1/ratings:batch", "application/vnd.apache.arrow.stream",
                "this is not an Arrow stream at all".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.contentType()).startsWith("application/problem+json");
    }

    @Test
    void finding2ATruncatedArrowStreamAnswersEveryRowItHeldAndNamesTheBreak() {
        List<RatingRequest> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(engine.syntheticRequests(41).get(i));
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try (RecordWriter<RatingRequest> writer = RecordFormat.ARROW_STREAM.writer(body, RatingRequest.class)) {
            batch.forEach(writer::write);
        }
        byte[] whole = body.toByteArray();
        byte[] cut = Arrays.copyOf(whole, whole.length - 200);
        byte[] reply = api.postForBytes("/api/v1/ratings:batch", "application/vnd.apache.arrow.stream", cut);
        List<BatchResult> results = new ArrayList<>();
        try (RecordReader<BatchResult> reader = RecordFormat.ARROW_STREAM.reader(new java.io.ByteArrayInputStream(reply), BatchResult.class,
                "reply")) {
            reader.forEachRemaining((ReadRow<BatchResult> row) -> results.add(row.value()));
        }
        assertThat(results).isNotEmpty();
        BatchResult last = results.get(results.size() - 1);
        assertThat(last.status()).isEqualTo("REJECTED");
        assertThat(last.errors().get(0).message()).contains("breaks off");
    }

    @Test
    void finding3AFewBytesDeclaringATwoGigabyteMessageAre400NotAnOutOfMemoryError() {
        java.nio.ByteBuffer declared = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        declared.putInt(0xFFFFFFFF).putInt(Integer.MAX_VALUE).put(new byte[16]);
        ApiClient.Reply reply = api.post("/api/v1/ratings:batch", "application/vnd.apache.arrow.stream", declared.array());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("metadata");
        // The service is still there.
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void finding8AndFinding9FiguresNoSmallFirmHasAre400NamingTheFieldNot500() {
        String base = AccessApiTest.requestFor("91330800PROBE00008").strip();
        ApiClient.Reply inflows = api.postJson("/api/v1/ratings", base.replaceFirst("}$",
                ", \"credit\": {\"monthlyInflowsCny\": [1e308, 1e308, 1e308], \"existingDebtCny\": 1e12}}"));
        assertThat(inflows.status()).isEqualTo(400);
        assertThat(inflows.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("credit.existingDebtCny", "credit.monthlyInflowsCny[0]", "credit.monthlyInflowsCny[1]",
                        "credit.monthlyInflowsCny[2]");
        ApiClient.Reply tiny = api.postJson("/api/v1/ratings", base.replaceFirst("}$", ", \"loanRequest\": {\"amountCny\": 1e-320}}"));
        assertThat(tiny.status()).isEqualTo(400);
        assertThat(tiny.json().at("/errors/0/field").asString()).isEqualTo("loanRequest.amountCny");
    }

    @Test
    void finding8ABillionOfDebtOnAFirmTheEngineApprovesIsReferred() {
        RatingRequest approved = LongStream.range(0, 500).mapToObj(engine.syntheticRequests(6)::get)
                .filter(r -> r.credit() != null && !r.hasPlots() && engine.rate(r).decision().outcome() == Outcome.APPROVE)
                .findFirst().orElseThrow(() -> new AssertionError("no approved firm with credit data among 500 generated requests"));
        var request = (tools.jackson.databind.node.ObjectNode) GreenCreditJson.mapper().valueToTree(approved);
        ((tools.jackson.databind.node.ObjectNode) request.get("credit")).put("existingDebtCny", 1e9);
        JsonNode rating = api.postJson("/api/v1/ratings", request.toString()).json();
        assertThat(rating.at("/decision/outcome").asString()).isEqualTo("REFER");
        assertThat(rating.at("/decision/referralReasons").valueStream().map(JsonNode::asString).toList()).contains("DEBT_ABOVE_CAPACITY");
    }

    @Test
    void finding9ACsvWithAnUnknownColumnOrJsonSentAsCsvIs400() {
        ApiClient.Reply unknown = api.post("/api/v1/ratings", "text/csv",
                "sme.id,sme.name,sme.regionCode,sme.industryCode,sme.sizeClass,sme.shoeSize\nS9,店,330802,F5211,MICRO,42\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().at("/errors/0/message").asString()).contains("sme.shoeSize");
        ApiClient.Reply json = api.post("/api/v1/ratings", "text/csv",
                AccessApiTest.requestFor("91330800PROBE00009").getBytes(StandardCharsets.UTF_8));
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.contentType()).startsWith("application/problem+json");
    }

    @Test
    void finding13PathsTheFirewallRefusesAreProblemJson() {
        for (String path : List.of("/api/v1/%2e%2e/audit", "/api/v1/ratings;jsessionid=1", "/api/v1/%2F%2Fvocabulary")) {
            ApiClient.Reply reply = officer.get(path);
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
            assertThat(reply.json().get("title").asString()).isEqualTo("Request refused");
        }
        ApiClient.Reply hugeHeader = anonymous.with("X-Padding", "x".repeat(20_000)).get("/api/v1/vocabulary");
        assertThat(hugeHeader.status()).isEqualTo(400);
        assertThat(hugeHeader.contentType()).startsWith("application/problem+json");
    }

    /**
     * Sends a request's head and the first {@code fastBytes} of its body at once, then after {@code pauseMillis} one more
     * byte, as a slow sender does; returns the reply's status line and its body (de-chunked).
     */
    private String[] slowPost(String path, String contentType, byte[] body, int fastBytes, long pauseMillis) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            // Not a measure of speed: a service that kept reading would hold the test until here.
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-API-Key: " + PIPELINE_KEY
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, fastBytes);
            out.flush();
            Thread.sleep(pauseMillis);
            out.write(body, fastBytes, 1);
            out.flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String head = reply.substring(0, reply.indexOf("\r\n\r\n"));
            String rest = reply.substring(head.length() + 4);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                StringBuilder content = new StringBuilder();
                int at = 0;
                for (int size; (size = Integer.parseInt(rest.substring(at, rest.indexOf("\r\n", at)).strip(), 16)) > 0; ) {
                    int start = rest.indexOf("\r\n", at) + 2;
                    content.append(rest, start, start + size);
                    at = start + size + 2;
                }
                rest = content.toString();
            }
            return new String[] {head.lines().findFirst().orElseThrow(), rest};
        }
    }

    @Test
    void finding13ABodyTrickledBelowTheMinimumRateIsCutOffWith408() throws Exception {
        byte[] body = AccessApiTest.requestFor("91330800PROBE013A").getBytes(StandardCharsets.UTF_8);
        long before = repository.count();
        // 21 bytes in 7 s: after the 5 s grace the minimum of 240 bytes per second asks for 480.
        String[] reply = slowPost("/api/v1/ratings", "application/json", body, 20, 7_000);
        assertThat(reply[0]).isEqualTo("HTTP/1.1 408 ");
        JsonNode problem = GreenCreditJson.mapper().readTree(reply[1]);
        assertThat(problem.get("title").asString()).isEqualTo("Request body too slow");
        assertThat(problem.get("detail").asString()).contains("slower than 240 bytes per second").contains("(21 bytes received)");
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void finding13ABatchTrickledBelowTheMinimumRateAnswersItsRowsAndNamesTheCut() throws Exception {
        String first = AccessApiTest.requestFor("91330800PROBE013B");
        byte[] body = (first + AccessApiTest.requestFor("91330800PROBE013C")).getBytes(StandardCharsets.UTF_8);
        int firstLine = first.getBytes(StandardCharsets.UTF_8).length;
        String[] reply = slowPost("/api/v1/ratings:batch", "application/x-ndjson", body, firstLine + 10, 7_000);
        assertThat(reply[0]).isEqualTo("HTTP/1.1 200 ");
        List<JsonNode> rows = reply[1].lines().map(line -> GreenCreditJson.mapper().readTree(line)).toList();
        assertThat(rows).extracting(r -> r.get("status").asString()).containsExactly("RATED", "REJECTED");
        assertThat(rows.get(0).get("smeId").asString()).isEqualTo("91330800PROBE013B");
        assertThat(rows.get(1).get("row").asLong()).isEqualTo(2);
        assertThat(rows.get(1).at("/errors/0/message").asString()).contains("slower than 240 bytes per second");
    }

    @Test
    void finding14ABatchKeyTooLongIs400AndARerunWithOtherRowsNamesTheConflictPerRow() {
        String row = AccessApiTest.requestFor("91330800PROBE014A").strip() + "\n";
        ApiClient.Reply badKey = api.with("Idempotency-Key", "k".repeat(101)).post("/api/v1/ratings:batch", "application/x-ndjson",
                row.getBytes(StandardCharsets.UTF_8));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.contentType()).startsWith("application/problem+json");

        ApiClient keyed = api.with("Idempotency-Key", "probe-14-rerun");
        List<JsonNode> first = keyed.post("/api/v1/ratings:batch", "application/x-ndjson", row.getBytes(StandardCharsets.UTF_8)).body().lines()
                .map(l -> GreenCreditJson.mapper().readTree(l)).toList();
        assertThat(first.get(0).get("status").asString()).isEqualTo("RATED");
        // The same key with another first row: that row is refused as a conflict, not rated again nor replayed.
        String other = AccessApiTest.requestFor("91330800PROBE014B").strip() + "\n";
        List<JsonNode> rerun = keyed.post("/api/v1/ratings:batch", "application/x-ndjson", other.getBytes(StandardCharsets.UTF_8)).body()
                .lines().map(l -> GreenCreditJson.mapper().readTree(l)).toList();
        assertThat(rerun).hasSize(1);
        assertThat(rerun.get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(rerun.get(0).at("/errors/0/message").asString()).contains("different request");
    }

    @Test
    void finding14AnEntryDeletedFromTheMiddleIsNamed() {
        api.postJson("/api/v1/ratings", AccessApiTest.requestFor("91330800PROBE014C"));
        api.postJson("/api/v1/ratings", AccessApiTest.requestFor("91330800PROBE014D"));
        long last = jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        java.util.Map<String, Object> removed = jdbc.sql("select * from audit_entry where seq = :s").param("s", last - 1).query().singleRow();
        try {
            jdbc.sql("delete from audit_entry where seq = :s").param("s", last - 1).update();
            JsonNode result = verify();
            assertThat(result.get("intact").asBoolean()).isFalse();
            assertThat(result.get("firstBadSeq").asLong()).isEqualTo(last);
            assertThat(result.get("problem").asString()).isEqualTo("entry " + (last - 1) + " is missing");
        } finally {
            reinsert(removed);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }
}
