package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.datasets.io.ReadRow;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.io.RecordWriter;
import org.greencredit.engine.SyntheticRequests;
import org.greencredit.service.batch.BatchResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The batch endpoint over real HTTP: JSON lines and Arrow streams, bad rows, and a rerun after an interruption. */
class BatchApiTest extends ApiTestSupport {
    private List<RatingRequest> requests(long from, int count) {
        SyntheticRequests population = engine.syntheticRequests(31);
        List<RatingRequest> out = new ArrayList<>();
        for (long i = from; i < from + count; i++) {
            out.add(population.get(i));
        }
        return out;
    }

    private static String jsonLines(List<RatingRequest> requests) {
        StringBuilder lines = new StringBuilder();
        requests.forEach(r -> lines.append(GreenCreditJson.mapper().writeValueAsString(r)).append('\n'));
        return lines.toString();
    }

    private List<JsonNode> postLines(ApiClient client, String body) {
        ApiClient.Reply reply = client.post("/api/v1/ratings:batch", "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/x-ndjson");
        return reply.body().lines().map(l -> GreenCreditJson.mapper().readTree(l)).toList();
    }

    @Test
    void jsonLinesGetOneResultPerRowInOrderAndBadRowsAreNamedNotSkipped() {
        List<RatingRequest> good = requests(0, 3);
        String badRegion = GreenCreditJson.mapper().writeValueAsString(good.get(0)).replace("\"regionCode\":\"", "\"regionCode\":\"99");
        String body = jsonLines(good.subList(0, 2)) + badRegion + "\n{\"sme\": \n" + jsonLines(good.subList(2, 3));
        long before = repository.count();

        List<JsonNode> results = postLines(api, body);

        assertThat(results).extracting(n -> n.get("row").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(results).extracting(n -> n.get("status").asString()).containsExactly("RATED", "RATED", "REJECTED", "REJECTED", "RATED");
        assertThat(results.get(2).get("errors").get(0).get("field").asString()).isEqualTo("sme.regionCode");
        assertThat(results.get(3).get("errors").size()).isPositive();
        assertThat(results.get(0).get("smeId").asString()).isEqualTo(good.get(0).sme().id());
        assertThat(api.get("/api/v1/ratings/" + results.get(4).get("ratingId").asString()).status()).isEqualTo(200);
        assertThat(repository.count()).isEqualTo(before + 3);
    }

    @Test
    void anArrowStreamComesBackAsAnArrowStream() {
        List<RatingRequest> batch = requests(10, 4);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (RecordWriter<RatingRequest> writer = RecordFormat.ARROW_STREAM.writer(body, RatingRequest.class)) {
            batch.forEach(writer::write);
        }
        byte[] bytes = api.postForBytes("/api/v1/ratings:batch", "application/vnd.apache.arrow.stream", body.toByteArray());

        List<BatchResult> results = new ArrayList<>();
        try (RecordReader<BatchResult> reader = RecordFormat.ARROW_STREAM.reader(new ByteArrayInputStream(bytes), BatchResult.class, "reply")) {
            reader.forEachRemaining((ReadRow<BatchResult> row) -> results.add(row.value()));
        }
        assertThat(results).extracting(BatchResult::status).containsOnly("RATED").hasSize(4);
        assertThat(results).extracting(BatchResult::smeId).containsExactlyElementsOf(batch.stream().map(r -> r.sme().id()).toList());
    }

    @Test
    void rerunningAnInterruptedBatchWithItsKeyRatesOnlyWhatWasMissing() {
        List<RatingRequest> batch = requests(20, 10);
        ApiClient keyed = api.with("Idempotency-Key", "nightly-2025-12-31");
        long before = repository.count();

        // The first run died after four rows had been committed.
        postLines(keyed, jsonLines(batch.subList(0, 4)));
        List<JsonNode> rerun = postLines(keyed, jsonLines(batch));

        assertThat(rerun).extracting(n -> n.get("status").asString())
                .containsExactly("REPLAYED", "REPLAYED", "REPLAYED", "REPLAYED", "RATED", "RATED", "RATED", "RATED", "RATED", "RATED");
        assertThat(repository.count()).isEqualTo(before + 10);
    }

    @Test
    void otherFormatsAndRolesAreRefusedAsProblemJson() {
        ApiClient.Reply csv = api.post("/api/v1/ratings:batch", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
        assertThat(csv.status()).isEqualTo(415);
        assertThat(csv.contentType()).startsWith("application/problem+json");
        assertThat(smeA.post("/api/v1/ratings:batch", "application/x-ndjson", new byte[0]).status()).isEqualTo(403);
        assertThat(anonymous.post("/api/v1/ratings:batch", "application/x-ndjson", new byte[0]).status()).isEqualTo(401);
    }
}
