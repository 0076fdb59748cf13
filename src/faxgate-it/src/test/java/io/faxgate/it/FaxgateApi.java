package io.faxgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for the management API, as one caller (HTTP Basic) or anonymous. */
public final class FaxgateApi {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String BASE_URL = System.getProperty("faxgate.it.base-url", "http://localhost:28080");
    public static final String OPERATOR_PASSWORD = System.getProperty("faxgate.it.operator-password");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String authorization;

    private FaxgateApi(String authorization) {
        this.authorization = authorization;
    }

    public static FaxgateApi operator() {
        return as("operator", OPERATOR_PASSWORD);
    }

    public static FaxgateApi as(String username, String password) {
        return new FaxgateApi("Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static FaxgateApi anonymous() {
        return new FaxgateApi(null);
    }

    /** An answer: status, headers and the body parsed as JSON when it is JSON. */
    public record Answer(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + raw.body());
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Answer send(String method, String path, Object body) {
        String text;
        try {
            text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> headers = text == null ? Map.of("Accept", "application/json")
                : Map.of("Accept", "application/json", "Content-Type", "application/json");
        return sendRaw(method, path, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text),
                headers);
    }

    /** A request with exactly these body bytes and headers (nothing added but what the HTTP client must add). */
    public Answer sendRaw(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        return sendRaw(method, path, body, headers, false);
    }

    /**
     * Like {@link #sendRaw(String, String, HttpRequest.BodyPublisher, Map)}; with {@code expectContinue} over HTTP/1.1
     * the body is sent only once the server asks for it — how a client learns of an early refusal (413) of a large
     * body without having the connection closed under it.
     */
    public Answer sendRaw(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers,
                          boolean expectContinue) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URL + path)).timeout(Duration.ofSeconds(60))
                .method(method, body);
        if (expectContinue) {
            request.version(HttpClient.Version.HTTP_1_1).expectContinue(true);
        }
        headers.forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = exchange(HTTP, request.build());
        return new Answer(response.statusCode(), response);
    }

    /** One request and its answer as text; the checked exceptions of the JDK client become unchecked. */
    static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
