package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.greencredit.datasets.io.GreenCreditJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * 10,000 malformed requests, seeded, against the running service on localhost: mutations of valid
 * generated requests (a leaf set to a hostile value, a field dropped or added, a key doubled, the text
 * cut short or its bytes flipped, nesting thousands deep, the wrong content type), as single ratings,
 * batch lines and CSV uploads, plus calls of every operation of the OpenAPI document with query values of
 * the wrong type. None may get a 5xx, and only what the service says it rated may be stored.
 */
@Tag("slow")
@TestPropertySource(properties = {"greencredit.rate-limit.anonymous-per-minute=10000", "greencredit.rate-limit.sme-per-minute=10000"})
class FuzzApiTest extends ApiTestSupport {
    static final int REQUESTS = 10_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Object[] HOSTILE = {null, "", "x".repeat(10_000), -1, 1e308, -1e308, 1e-320, "NaN", true, "\u0000", "𝕏",
        new java.math.BigInteger("99999999999999999999999999"), "2025-13", "330802' OR '1'='1", "<script>alert(1)</script>", 0, 3.5,
        "=cmd|' /C calc'!A0"};

    private final SplittableRandom random = new SplittableRandom(20261201);
    private final Map<String, Integer> byStatus = new TreeMap<>();
    private long stored;

    @Test
    void tenThousandMalformedRequestsGetNo5xxAndStoreOnlyWhatWasRated() throws Exception {
        List<ObjectNode> valid = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            valid.add((ObjectNode) GreenCreditJson.mapper().valueToTree(engine.syntheticRequests(77).get(i)));
        }
        List<String[]> operations = openApiOperations();
        long before = repository.count();
        long started = System.nanoTime();
        for (int n = 0; n < REQUESTS; n++) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                single(mutated(valid));
            } else if (kind < 7) {
                batch(valid);
            } else if (kind < 8) {
                send("POST", "/api/v1/ratings", "text/csv", csv(valid), "pipeline");
            } else {
                String[] op = operations.get(random.nextInt(operations.size()));
                send(op[0], op[1] + wrongQuery(), "application/json", bytes(mutated(valid).toString()), random.nextBoolean() ? "officer" : "sme");
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("fuzz: %d requests in %.1f s; statuses %s; ratings stored %d%n", REQUESTS, seconds, byStatus, stored);
        assertThat(byStatus.keySet()).as("statuses").allSatisfy(status -> assertThat(Integer.parseInt(status)).isLessThan(500));
        assertThat(repository.count() - before).as("ratings stored").isEqualTo(stored);
        assertThat(byStatus.getOrDefault("400", 0)).isGreaterThan(REQUESTS / 2);
    }

    private void single(JsonNode request) throws Exception {
        int kind = random.nextInt(6);
        byte[] body = bytes(request.toString());
        String type = "application/json";
        switch (kind) {
            case 0 -> body = java.util.Arrays.copyOf(body, random.nextInt(body.length));
            case 1 -> {
                for (int i = 0; i < 3; i++) {
                    body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> body = bytes("[".repeat(5_000) + "]".repeat(5_000));
            case 3 -> body = bytes(request.toString().replaceFirst("\\{\"sme\":", "{\"sme\":{},\"sme\":"));
            case 4 -> type = random.nextBoolean() ? "application/xml" : "text/plain";
            default -> {
            }
        }
        send("POST", "/api/v1/ratings", type, body, "pipeline");
    }

    private void batch(List<ObjectNode> valid) throws Exception {
        StringBuilder lines = new StringBuilder();
        int rows = 1 + random.nextInt(4);
        for (int i = 0; i < rows; i++) {
            lines.append(random.nextInt(4) == 0 ? "null" : mutated(valid).toString()).append('\n');
        }
        byte[] body = bytes(lines.toString());
        if (random.nextBoolean()) {
            body[random.nextInt(body.length)] = (byte) (0x80 + random.nextInt(128));
        }
        HttpResponse<String> reply = send("POST", "/api/v1/ratings:batch", "application/x-ndjson", body, "pipeline");
        if (reply.statusCode() == 200) {
            List<String> results = reply.body().lines().toList();
            assertThat(results).as("one result per input row").hasSize((int) new String(body, StandardCharsets.ISO_8859_1).lines()
                    .filter(l -> !l.isBlank()).count());
            stored += results.stream().filter(r -> r.contains("\"status\":\"RATED\"")).count();
        }
    }

    /** A valid request with one mutation: a leaf set to a hostile value, a field dropped, or an unknown one added. */
    private JsonNode mutated(List<ObjectNode> valid) {
        ObjectNode copy = valid.get(random.nextInt(valid.size())).deepCopy();
        List<ObjectNode> parents = new ArrayList<>();
        List<String> names = new ArrayList<>();
        collect(copy, parents, names);
        int i = random.nextInt(parents.size());
        switch (random.nextInt(3)) {
            case 0 -> parents.get(i).set(names.get(i), GreenCreditJson.mapper().valueToTree(HOSTILE[random.nextInt(HOSTILE.length)]));
            case 1 -> parents.get(i).remove(names.get(i));
            default -> parents.get(i).put("unexpected" + random.nextInt(100), "x");
        }
        if (random.nextInt(20) == 0) {
            ArrayNode lines = JsonNodeFactory.instance.arrayNode();
            for (int k = 0; k < 2_500; k++) {
                lines.addObject();
            }
            copy.putObject("carbonAccount").set("lines", lines);
        }
        return copy;
    }

    private static void collect(JsonNode node, List<ObjectNode> parents, List<String> names) {
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                parents.add(object);
                names.add(name);
                collect(object.get(name), parents, names);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> collect(child, parents, names));
        }
    }

    private byte[] csv(List<ObjectNode> valid) {
        String[] headers = {"sme.id,sme.name,sme.regionCode,sme.industryCode,sme.sizeClass", "sme.id,sme.bogus", "", "{\"sme\":1}",
            "sme.id,sme.id"};
        String row = random.nextBoolean() ? "S1,店,330802,F5211,MICRO" : "\"unterminated,=1+1,@x,-2,\u0000";
        return bytes(headers[random.nextInt(headers.length)] + "\n" + row + (random.nextBoolean() ? "\n" : "\r\n\n"));
    }

    private String wrongQuery() {
        String[] values = {"-1", "abc", "1e99", "<script>", "%00", "_", "9999999999999999999", ""};
        String[] names = {"limit", "after", "colour", "reason", "seq", "hash", "signature"};
        return "?" + names[random.nextInt(names.length)] + "=" + java.net.URLEncoder.encode(values[random.nextInt(values.length)],
                StandardCharsets.UTF_8);
    }

    /** Method and path of every operation of the OpenAPI document, path variables filled with junk. */
    private List<String[]> openApiOperations() {
        JsonNode doc = anonymous.get("/v3/api-docs").json();
        List<String[]> ops = new ArrayList<>();
        for (String path : doc.get("paths").propertyNames()) {
            for (String method : doc.get("paths").get(path).propertyNames()) {
                ops.add(new String[] {method.toUpperCase(java.util.Locale.ROOT), path.replaceAll("\\{[^}]+}", "%7Bjunk%7D")});
            }
        }
        assertThat(ops).hasSizeGreaterThan(20);
        return ops;
    }

    private HttpResponse<String> send(String method, String path, String type, byte[] body, String who) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", type);
        switch (who) {
            case "pipeline" -> request.header("X-API-Key", PIPELINE_KEY);
            case "officer" -> request.header("Authorization", basic("officer"));
            default -> request.header("Authorization", basic("sme-a"));
        }
        request.method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> reply = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        byStatus.merge(Integer.toString(reply.statusCode()), 1, Integer::sum);
        // A single rating stores one row when it answers 201, whoever asked and by whichever route.
        if (method.equals("POST") && path.startsWith("/api/v1/ratings") && !path.startsWith("/api/v1/ratings:") && !path.contains("/ratings/")
                && reply.statusCode() == 201) {
            stored++;
        }
        if (reply.statusCode() >= 500) {
            System.out.println("5xx for " + method + " " + path + ": " + reply.body());
        }
        return reply;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
