package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.engine.SyntheticRequests;
import org.greencredit.service.demo.DemoDataLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class RatingApiTest extends ApiTestSupport {
    private static final List<String> CONTRACT_FIELDS = List.of("id", "smeId", "ratedAt", "green", "carbon", "credit", "crop",
            "decision", "explanation");


    private String generated(long index) {
        return GreenCreditJson.mapper().writeValueAsString(engine.syntheticRequests(11).get(index));
    }

    @Test
    void postingAGeneratedRequestReturns201WithEveryContractFieldAndCanBeReadBack() {
        ApiClient.Reply reply = api.postJson("/api/v1/ratings", generated(0));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode rating = reply.json();
        for (String field : CONTRACT_FIELDS) {
            assertThat(rating.has(field)).as("top-level field %s", field).isTrue();
        }
        assertThat(rating.get("green").has("colour")).isTrue();
        assertThat(rating.get("carbon").get("lines").size()).isGreaterThan(0);
        assertThat(rating.get("explanation").get("reasons").size()).isBetween(0, 4);
        assertThat(rating.get("explanation").get("versions").get("ruleset").asString()).contains("+");
        // The answer is the stored JSON text: still JSON, and still UTF-8 (a Latin-1 writer would turn Chinese into '?').
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(rating.get("explanation").get("ruleHits").get(0).get("titleZh").asString()).matches(".*\\p{IsHan}.*");

        String id = rating.get("id").asString();
        ApiClient.Reply again = api.get("/api/v1/ratings/" + id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(reply.body());

        ApiClient.Reply history = api.get("/api/v1/smes/" + rating.get("smeId").asString() + "/ratings");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get(0).get("id").asString()).isEqualTo(id);
        JsonNode line = history.json().get(0);
        // Every field of the history line is the rating's own, read back from the summary columns.
        assertThat(line.get("smeId").asString()).isEqualTo(rating.get("smeId").asString());
        assertThat(line.get("ratedAt").asString()).isEqualTo(rating.get("ratedAt").asString());
        assertThat(line.get("greenScore").asInt()).isEqualTo(rating.get("green").get("score").asInt());
        assertThat(line.get("greenGrade").asString()).isEqualTo(rating.get("green").get("grade").asString());
        assertThat(line.get("colour").asString()).isEqualTo(rating.get("green").get("colour").asString());
        assertThat(line.get("carbonEfficiencyLevel")).isEqualTo(rating.get("green").get("carbonEfficiencyLevel"));
        assertThat(line.get("pd").asDouble()).isEqualTo(rating.get("credit").get("pd").asDouble());
        assertThat(line.get("creditGrade").asString()).isEqualTo(rating.get("credit").get("grade").asString());
        assertThat(line.get("outcome").asString()).isEqualTo(rating.get("decision").get("outcome").asString());
        assertThat(line.get("limitCny").asDouble()).isEqualTo(rating.get("decision").get("limitCny").asDouble());
        assertThat(line.get("rateDiscountBp").asInt()).isEqualTo(rating.get("decision").get("rateDiscountBp").asInt());
        assertThat(line.get("referralReasons")).isEqualTo(rating.get("decision").get("referralReasons"));
    }

    @Test
    void aFarmRatingShowsEachPlotsCropStageValueAndTheHarvestSchedule() {
        SyntheticRequests population = engine.syntheticRequests(11);
        long farm = java.util.stream.LongStream.range(0, 200).filter(i -> population.get(i).hasPlots()).findFirst().orElseThrow();
        JsonNode rating = api.postJson("/api/v1/ratings", generated(farm)).json();

        JsonNode plot = rating.get("crop").get("plots").get(0);
        for (String field : List.of("plotId", "crop", "probability", "cropBasis", "areaMu", "growthStage", "stageDate", "greenUpDate", "peakDate",
                "expectedYieldKgPerMu", "expectedYieldKg", "yieldBasis", "expectedValueCny", "lendingValueCny", "harvestMonth", "mismatch")) {
            assertThat(plot.hasNonNull(field)).as("plot field %s", field).isTrue();
        }
        assertThat(plot.get("yieldBasis").asString()).isEqualTo("yield-v1");
        assertThat(rating.get("explanation").get("versions").get("models").asString()).contains("crop-xgb-v1", "yield-v1");
        if (rating.get("decision").get("limitCny").asDouble() > 0) {
            assertThat(rating.get("decision").get("repaymentSchedule").size()).isEqualTo(1);
        }
    }

    @Test
    void theSameRequestTwiceGivesIdenticalRatingsApartFromIdAndTime() {
        String request = generated(3);
        JsonNode first = api.postJson("/api/v1/ratings", request).json();
        JsonNode second = api.postJson("/api/v1/ratings", request).json();

        assertThat(first.get("id")).isNotEqualTo(second.get("id"));
        ((ObjectNode) first).remove(List.of("id", "ratedAt"));
        ((ObjectNode) second).remove(List.of("id", "ratedAt"));
        assertThat(first.toString()).isEqualTo(second.toString());
    }

    @Test
    void aRequestWithOnlyTheSmeIsRatedAndSaysWhatItCouldNotAssess() {
        ApiClient.Reply reply = api.postJson("/api/v1/ratings", """
                {"sme": {"id": "91330800MA2B000099", "name": "衢州小店", "regionCode": "330802", "industryCode": "F5211",
                         "sizeClass": "MICRO"}}""");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode rating = reply.json();
        assertThat(rating.get("decision").get("outcome").asString()).isEqualTo("REFER");
        assertThat(rating.get("decision").get("referralReasons").toString()).contains("THIN_FILE", "NO_LIMIT_BASIS");
        List<String> sections = rating.get("explanation").get("notAssessed").valueStream().map(n -> n.get("section").asString()).toList();
        assertThat(sections).contains("carbon", "greenBehaviours", "loanRequest", "credit.leverage", "credit.maxPastDueDays");
        assertThat(rating.get("green").get("colour").asString()).isEqualTo("YELLOW");
        assertThat(rating.get("crop").isNull()).isTrue();
    }

    @Test
    void theReadmeExampleIsRatedAsDocumented() {
        String example = GreenCreditJson.mapper().writeValueAsString(DemoDataLoader.exampleRequest(GreenCreditJson.mapper()));
        JsonNode rating = api.postJson("/api/v1/ratings", example).json();
        // 12 months of 12,500 kWh x seasonal profile in Zhejiang (0.5153 kg/kWh) dominate scope 2.
        assertThat(rating.get("carbon").get("monthsCovered").asInt()).isEqualTo(12);
        assertThat(rating.get("smeId").asString()).isEqualTo("91330800MA2B000001");
        assertThat(rating.get("decision").get("limitCny").asDouble()).isEqualTo(300_000.0);
    }

    @Test
    void unknownRatingIs404ProblemJson() {
        ApiClient.Reply reply = api.get("/api/v1/ratings/no-such-id");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asString()).contains("no-such-id");
    }

    /** The firms' sheet: Chinese headers, a row per month, UTF-8 with a BOM; uploaded as downloaded, it rates the example firm. */
    @Test
    void theMonthlySheetTemplateIsPublicAndCanBeUploadedAsIs() {
        ApiClient.Reply template = anonymous.get("/api/v1/templates/rating-request.csv");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).startsWith("text/csv");
        // A byte-order mark first (the body is read as UTF-8): Excel needs it to open Chinese text.
        assertThat(template.body()).startsWith("\uFEFF");
        byte[] bytes = template.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String text = template.body().substring(1);
        assertThat(text).startsWith("企业代码,企业名称,").contains("91330800MA2B000001", "2025-01");
        // The example firm's twelve months of electricity: a header and one row per month.
        assertThat(text.lines().count()).isEqualTo(1 + 12);

        ApiClient.Reply rated = api.post("/api/v1/ratings", "text/csv", bytes);
        assertThat(rated.status()).isEqualTo(201);
        JsonNode request = api.get("/api/v1/ratings/" + rated.json().get("id").asString() + "/request").json();
        assertThat(request.at("/sme/name").asString()).isEqualTo("衢州绿源食品有限公司");
        assertThat(request.at("/carbonAccount/lines").valueStream().filter(l -> l.get("activity").asString().equals("ELECTRICITY"))
                .map(l -> l.get("month").asString() + " " + l.get("quantity").asDouble() + " " + l.get("unit").asString()).findFirst().orElseThrow())
                .isEqualTo("2025-01 10625.0 度");

        ApiClient.Reply bad = api.post("/api/v1/ratings", "text/csv", (text.replaceFirst("10625", "一万")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asString()).isEqualTo("csv:2:用电量（度）");
        assertThat(bad.json().at("/errors/0/code").asString()).isEqualTo("type");
    }

    @Test
    void theFlatCsvTemplateIsPublicAndCanBeUploadedAsIs() {
        ApiClient.Reply template = anonymous.get("/api/v1/templates/rating-request-flat.csv");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).startsWith("text/csv");
        assertThat(template.body()).startsWith("sme.id,").contains("91330800MA2B000001");

        ApiClient.Reply rated = api.post("/api/v1/ratings", "text/csv", template.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(rated.status()).isEqualTo(201);
        assertThat(rated.json().get("smeId").asString()).isEqualTo("91330800MA2B000001");
        JsonNode request = api.get("/api/v1/ratings/" + rated.json().get("id").asString() + "/request").json();
        assertThat(request.at("/sme/id").asString()).isEqualTo("91330800MA2B000001");

        ApiClient.Reply twoRows = api.post("/api/v1/ratings", "text/csv",
                (template.body() + template.body().lines().skip(1).findFirst().orElseThrow() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(twoRows.status()).isEqualTo(400);
        assertThat(twoRows.json().get("detail").asString()).contains("more than one row");
    }

    /** Excel on Chinese Windows saves CSV as GBK: the firm's Chinese name comes back as it was typed, not garbled. */
    @Test
    void aGbkCsvKeepsTheFirmsChineseName() {
        byte[] gbk = ("sme.id,sme.name,sme.regionCode,sme.industryCode,sme.sizeClass\n" + SME_A + ",衢州市柯城区绿源小超市,330802,F5211,MICRO\n")
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        ApiClient.Reply rated = api.post("/api/v1/ratings", "text/csv", gbk);
        assertThat(rated.status()).isEqualTo(201);
        JsonNode request = api.get("/api/v1/ratings/" + rated.json().get("id").asString() + "/request").json();
        assertThat(request.at("/sme/name").asString()).isEqualTo("衢州市柯城区绿源小超市");
    }

    @Test
    void healthAndOpenApiAreServed() {
        assertThat(api.get("/actuator/health").body()).contains("\"UP\"");
        ApiClient.Reply docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/ratings", "/api/v1/smes/{smeId}/ratings", "/api/v1/ratings:batch", "/api/v1/algorithm-filing",
                "/api/v1/referrals", "/api/v1/appeals/{id}/resolution", "/api/v1/audit/verify");
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
        assertThat(api.get("/").body()).contains("GreenCredit");
    }
}
