package org.greencredit.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: what a pipeline or a browser would send, over a real socket, as one caller. */
final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> headers;
    private final JsonMapper json = JsonMapper.builder().build();

    private ApiClient(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** Calls without credentials. */
    static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, Map.of());
    }

    ApiClient withApiKey(String key) {
        return with("X-API-Key", key);
    }

    ApiClient as(String user, String password) {
        return with("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    ApiClient with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new ApiClient(base, Map.copyOf(more));
    }

    record Reply(int status, String contentType, String body, JsonNode json, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Reply post(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Reply postJson(String path, String body) {
        return post(path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts and returns the raw response body, for binary replies such as Arrow streams. */
    byte[] postForBytes(String path, String contentType, byte[] body) {
        try {
            HttpResponse<byte[]> response = HTTP.send(builder(path).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("status " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply putJson(String path, String body) {
        return send(builder(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Reply get(String path) {
        return send(builder(path).GET());
    }

    Reply delete(String path) {
        return send(builder(path).DELETE());
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        return b;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean oneDocument = type.startsWith("application/json") || type.startsWith("application/problem+json");
            JsonNode node = oneDocument && !response.body().isEmpty() ? json.readTree(response.body()) : null;
            return new Reply(response.statusCode(), type, response.body(), node, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
