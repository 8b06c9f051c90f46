package org.greencredit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The written role x endpoint matrix ({@code security/access-matrix.tsv}), checked cell by cell over
 * HTTP. Its own context with generous rate limits, so that the matrix's many unsigned calls neither
 * meet the other suites' limits nor spend their budget.
 */
@Tag("slow")
@TestPropertySource(properties = {"greencredit.rate-limit.anonymous-per-minute=10000", "greencredit.rate-limit.sme-per-minute=10000"})
class AccessMatrixTest extends ApiTestSupport {
    private static final List<String> ROLES = List.of("anonymous", "sme_own", "sme_other", "officer", "admin", "pipeline");

    private record Cell(String method, String path, String role, String expected) {
    }

    private static List<Cell> matrix() throws IOException {
        List<Cell> cells = new ArrayList<>();
        try (InputStream in = AccessMatrixTest.class.getResourceAsStream("/security/access-matrix.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.get(0).split("\t")).containsExactly("method", "path", "anonymous", "sme_own", "sme_other", "officer", "admin",
                    "pipeline");
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                assertThat(f).as(line).hasSize(8);
                for (int r = 0; r < ROLES.size(); r++) {
                    cells.add(new Cell(f[0], f[1], ROLES.get(r), f[2 + r]));
                }
            }
        }
        return cells;
    }

    private ApiClient client(String role) {
        return switch (role) {
            case "anonymous" -> anonymous;
            case "sme_own" -> smeA;
            case "sme_other" -> smeB;
            case "officer" -> officer;
            case "admin" -> admin;
            case "pipeline" -> api;
            default -> throw new IllegalArgumentException(role);
        };
    }

    @Test
    void everyCellOfTheWrittenMatrixIsWhatTheServiceAnswers() throws IOException {
        String rating = api.postJson("/api/v1/ratings", AccessApiTest.requestFor(SME_A)).json().get("id").asString();
        List<Cell> cells = matrix();
        assertThat(cells).hasSizeGreaterThan(100);
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Cell c : cells) {
            String path = c.path().replace("{rating}", rating).replace("{firm}", SME_A);
            ApiClient client = client(c.role());
            ApiClient.Reply reply = switch (c.method()) {
                case "GET" -> client.get(path);
                case "DELETE" -> client.delete(path);
                case "POST" -> client.postJson(path, body(path));
                case "PUT" -> client.putJson(path, body(path));
                default -> throw new IllegalArgumentException(c.method());
            };
            boolean matches = c.expected().equals("ok") ? reply.status() != 401 && reply.status() != 403 && reply.status() < 500
                    : reply.status() == Integer.parseInt(c.expected());
            if (!matches) {
                wrong.put(c.method() + " " + c.path() + " as " + c.role(), "expected " + c.expected() + ", got " + reply.status());
            }
        }
        assertThat(wrong).as("cells the service answers otherwise").isEmpty();
    }

    /** A body good enough to reach the authorisation decision (and, where allowed, a real answer). */
    private static String body(String path) {
        if (path.endsWith("/appeals")) {
            return "{\"field\": \"carbonAccount.revenueCny\", \"claim\": \"our revenue was left out\"}";
        }
        if (path.endsWith("/overrides")) {
            return "{\"rateDiscountBp\": 0, \"reason\": \"checked on site: the matrix test\"}";
        }
        if (path.endsWith("/outcome")) {
            return "{\"defaulted\": false, \"observedOn\": \"" + LocalDate.now(ZoneOffset.UTC) + "\"}";
        }
        if (path.endsWith("/models/changes")) {
            return "{\"champion\": \"scorecard-v1\", \"reason\": \"the access matrix test proposes\"}";
        }
        if (path.endsWith("/rulesets/changes")) {
            return "{\"directory\": \"next\", \"reason\": \"the access matrix test proposes\"}";
        }
        if (path.contains("/models/changes/") || path.contains("/rulesets/changes/")) {
            return "{}";
        }
        if (path.endsWith("/sessions")) {
            return "";
        }
        return AccessApiTest.requestFor(SME_A);
    }
}
