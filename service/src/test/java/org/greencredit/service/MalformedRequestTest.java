package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Bad input gets a 4xx problem+json naming the field, never a 5xx, and nothing is stored. */
class MalformedRequestTest extends ApiTestSupport {
    private static final String SME = """
            "sme": {"id": "S1", "name": "测试企业", "regionCode": "330802", "industryCode": "C1391", "sizeClass": "MICRO"}""";


    private static String withSme(String rest) {
        return "{" + SME + (rest.isEmpty() ? "" : ", " + rest) + "}";
    }

    private static String line(String fields) {
        return withSme("\"carbonAccount\": {\"revenueCny\": 1000000, \"lines\": [" + fields + "]}");
    }

    private static String plot(String geometryAndNdvi) {
        return withSme("\"plots\": [{\"id\": \"P1\", \"declaredCrop\": \"RICE\", " + geometryAndNdvi + "}]");
    }

    private static final String SQUARE = "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
            + "[[[118.87,28.97],[118.872,28.97],[118.872,28.972],[118.87,28.972],[118.87,28.97]]]}";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"sme\": {", "sme"),
                Arguments.of("array instead of object", "[]", "$"),
                Arguments.of("empty body", "", "$"),
                Arguments.of("missing sme", "{}", "sme"),
                Arguments.of("sme is a string", "{\"sme\": \"S1\"}", "sme"),
                Arguments.of("missing sme id", "{\"sme\": {\"name\": \"x\", \"regionCode\": \"330802\", \"industryCode\": \"C1391\", \"sizeClass\": \"MICRO\"}}", "sme.id"),
                Arguments.of("region code not 6 digits", withSme("").replace("330802", "33080"), "sme.regionCode"),
                Arguments.of("unknown province", withSme("").replace("330802", "990000"), "sme.regionCode"),
                Arguments.of("industry code malformed", withSme("").replace("C1391", "Z999"), "sme.industryCode"),
                Arguments.of("industry division outside its section", withSme("").replace("C1391", "C9901"), "sme.industryCode"),
                Arguments.of("unknown size class", withSme("").replace("MICRO", "HUGE"), "sme.sizeClass"),
                Arguments.of("impossible founding date", withSme("").replace("\"sizeClass\"", "\"foundedOn\": \"2016-13-01\", \"sizeClass\""), "sme.foundedOn"),
                Arguments.of("founding date in the future", withSme("").replace("\"sizeClass\"", "\"foundedOn\": \"2999-01-01\", \"sizeClass\""), "sme.foundedOn"),
                Arguments.of("revenue as text", withSme("\"carbonAccount\": {\"revenueCny\": \"lots\"}"), "carbonAccount.revenueCny"),
                Arguments.of("negative revenue", withSme("\"carbonAccount\": {\"revenueCny\": -5}"), "carbonAccount.revenueCny"),
                Arguments.of("NaN literal", withSme("\"carbonAccount\": {\"revenueCny\": NaN}"), "carbonAccount.revenueCny"),
                Arguments.of("negative quantity", line("{\"month\": \"2025-01\", \"activity\": \"ELECTRICITY\", \"quantity\": -1, \"unit\": \"kWh\"}"), "carbonAccount.lines[0].quantity"),
                Arguments.of("unknown unit", line("{\"month\": \"2025-01\", \"activity\": \"ELECTRICITY\", \"quantity\": 1, \"unit\": \"furlongs\"}"), "carbonAccount.lines[0].unit"),
                Arguments.of("unit of the wrong dimension", line("{\"month\": \"2025-01\", \"activity\": \"ELECTRICITY\", \"quantity\": 1, \"unit\": \"m3\"}"), "carbonAccount.lines[0].unit"),
                Arguments.of("month 13", line("{\"month\": \"2025-13\", \"activity\": \"ELECTRICITY\", \"quantity\": 1, \"unit\": \"kWh\"}"), "carbonAccount.lines[0].month"),
                Arguments.of("month before the factor tables", line("{\"month\": \"1999-12\", \"activity\": \"ELECTRICITY\", \"quantity\": 1, \"unit\": \"kWh\"}"), "carbonAccount.lines[0].month"),
                Arguments.of("unknown activity", line("{\"month\": \"2025-01\", \"activity\": \"NUCLEAR\", \"quantity\": 1, \"unit\": \"kWh\"}"), "carbonAccount.lines[0].activity"),
                Arguments.of("unknown spend category", line("{\"month\": \"2025-01\", \"activity\": \"PURCHASED_GOODS\", \"category\": \"YACHTS\", \"spendCny\": 5}"), "carbonAccount.lines[0].category"),
                Arguments.of("null activity line", line("null"), "carbonAccount.lines[0]"),
                Arguments.of("share above 1", withSme("\"greenBehaviours\": {\"eInvoiceShare\": 1.5}"), "greenBehaviours.eInvoiceShare"),
                Arguments.of("NaN as a string", withSme("\"greenBehaviours\": {\"eInvoiceShare\": \"NaN\"}"), "greenBehaviours.eInvoiceShare"),
                Arguments.of("unknown certification", withSme("\"greenBehaviours\": {\"certifications\": [\"ISO9999\"]}"), "greenBehaviours.certifications[0]"),
                Arguments.of("null inflow", withSme("\"credit\": {\"monthlyInflowsCny\": [1, null, 3]}"), "credit.monthlyInflowsCny[1]"),
                Arguments.of("fractional invoice count", withSme("\"credit\": {\"invoicesIssued\": 3.5}"), "credit.invoicesIssued"),
                Arguments.of("negative days past due", withSme("\"credit\": {\"maxPastDueDays\": -1}"), "credit.maxPastDueDays"),
                Arguments.of("huge array", withSme("\"credit\": {\"monthlyInflowsCny\": [" + "1,".repeat(500) + "1]}"), "credit.monthlyInflowsCny"),
                Arguments.of("open polygon", plot("\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[118.87,28.97],[118.872,28.97],[118.872,28.972],[118.87,28.972]]]}"), "plots[0].geometry.coordinates[0]"),
                Arguments.of("self-intersecting polygon", plot("\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,1],[1,0],[0,1],[0,0]]]}"), "plots[0].geometry.coordinates[0]"),
                Arguments.of("latitude beyond the pole", plot("\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[118.87,95],[118.872,28.97],[118.872,28.972],[118.87,95]]]}"), "plots[0].geometry.coordinates[0]"),
                Arguments.of("not a polygon", plot("\"geometry\": {\"type\": \"Point\", \"coordinates\": [[[0,0],[1,0],[1,1],[0,0]]]}"), "plots[0].geometry.type"),
                Arguments.of("NDVI above 1", plot(SQUARE + ", \"ndvi\": [{\"date\": \"2025-04-01\", \"value\": 1.7}]"), "plots[0].ndvi[0].value"),
                Arguments.of("red band without nir", plot(SQUARE + ", \"ndvi\": [{\"date\": \"2025-04-01\", \"red\": 0.05}]"), "plots[0].ndvi[0].nir"),
                Arguments.of("NDVI contradicting its bands",
                        plot(SQUARE + ", \"ndvi\": [{\"date\": \"2025-04-01\", \"value\": 0.2, \"red\": 0.05, \"nir\": 0.4}]"), "plots[0].ndvi[0].value"),
                Arguments.of("reading with neither NDVI nor bands", plot(SQUARE + ", \"ndvi\": [{\"date\": \"2025-04-01\"}]"), "plots[0].ndvi[0].value"),
                Arguments.of("unknown crop", withSme("\"plots\": [{\"id\": \"P1\", \"declaredCrop\": \"DURIAN\"}]"), "plots[0].declaredCrop"),
                Arguments.of("zero loan term", withSme("\"loanRequest\": {\"amountCny\": 1000, \"termMonths\": 0}"), "loanRequest.termMonths"),
                Arguments.of("unknown field", withSme("\"foo\": 1"), "foo"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void badInputIs400ProblemJsonNamingTheFieldAndStoresNothing(String what, String body, String field) {
        long before = repository.count();

        ApiClient.Reply reply = api.postJson("/api/v1/ratings", body);

        assertThat(reply.status()).as(what).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode errors = reply.json().get("errors");
        assertThat(errors).as("errors of %s: %s", what, reply.body()).isNotNull();
        assertThat(errors.valueStream().map(e -> e.get("field").asString()).toList()).as(reply.body()).contains(field);
        assertThat(errors.valueStream().map(e -> e.get("message").asString()))
                .as("messages are plain words, no unrendered templates")
                .allMatch(m -> !m.isBlank() && !m.contains("${") && !m.contains("{value}"));
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void shareAboveOneSaysTheBound() {
        ApiClient.Reply reply = api.postJson("/api/v1/ratings", withSme("\"greenBehaviours\": {\"eInvoiceShare\": 1.5}"));
        assertThat(reply.json().get("errors").get(0).get("message").asString()).isEqualTo("must be at most 1");
    }

    @Test
    void aLoneSurrogateSpelledAsAnEscapeIsStoredAndAnsweredAsThatEscape() {
        // Valid JSON, though not a valid character: the text keeps it as the escape it came as, not as '?'.
        ApiClient.Reply rated = api.postJson("/api/v1/ratings", withSme("").replace("测试企业", "测试\\ud800企业"));
        assertThat(rated.status()).isEqualTo(201);
        String id = rated.json().get("id").asString();
        assertThat(officer.get("/api/v1/ratings/" + id).body()).isEqualTo(rated.body());
        assertThat(officer.get("/api/v1/ratings/" + id + "/request").body()).contains("\"name\":\"测试\\uD800企业\"");
        assertThat(officer.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void oversizedBodyIs413ProblemJson() {
        byte[] body = withSme("\"padding\": \"" + "x".repeat(3 * 1024 * 1024) + "\"").getBytes(StandardCharsets.UTF_8);
        ApiClient.Reply reply = api.post("/api/v1/ratings", "application/json", body);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("$");
    }

    @Test
    void wrongContentTypeIs415ProblemJson() {
        ApiClient.Reply reply = api.post("/api/v1/ratings", "text/plain", withSme("").getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void invalidHistoryLimitIs400NamingTheParameter() {
        ApiClient.Reply reply = api.get("/api/v1/smes/S1/ratings?limit=0");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("limit");
    }
}
