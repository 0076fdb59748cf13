package io.faxgate.it.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak's Admin REST API for realm {@code faxgate-test}, called as the bootstrap admin of the running
 * {@link KeycloakProcess} (token fetched and renewed as needed).
 */
public final class KeycloakAdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE_URL = KeycloakProcess.BASE_URL;
    private static final String REALM = KeycloakIdp.REALM;
    private static final String ADMIN_USER = KeycloakProcess.ADMIN_USER;

    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String adminToken;
    private long adminTokenExpiresAtNanos;

    KeycloakAdminClient(String adminPassword) {
        this.adminPassword = adminPassword;
    }

    /**
     * Calls the Admin REST API of realm faxgate-test ({@code path} relative to {@code /admin/realms/faxgate-test}) as
     * the bootstrap admin; answers the parsed JSON body (an empty object for an empty body). Non-2xx fails.
     */
    public JsonNode admin(String method, String path, JsonNode body) {
        HttpResponse<String> answer = adminSend(method, path, body);
        String text = answer.body();
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": not JSON: " + text, e);
        }
    }

    /** POSTs a new object; answers its Location. */
    String adminCreate(String path, JsonNode body) {
        HttpResponse<String> answer = adminSend("POST", path, body);
        return answer.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("POST " + path + ": no Location in answer " + answer.statusCode()));
    }

    private HttpResponse<String> adminSend(String method, String path, JsonNode body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URL + "/admin/realms/" + REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken())
                .header("Accept", "application/json")
                .method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = send(request);
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak Admin API " + method + " " + path + " → " + answer.statusCode()
                    + ": " + answer.body());
        }
        return answer;
    }

    private synchronized String adminToken() {
        if (adminToken != null && System.nanoTime() < adminTokenExpiresAtNanos) {
            return adminToken;
        }
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(ADMIN_USER) + "&password="
                + encode(adminPassword);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                URI.create(BASE_URL + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin token → " + answer.statusCode() + ": " + answer.body());
        }
        try {
            JsonNode token = JSON.readTree(answer.body());
            adminToken = token.get("access_token").asText();
            long lifetime = token.path("expires_in").asLong(60);
            adminTokenExpiresAtNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(5, lifetime - 15));
            return adminToken;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value), StandardCharsets.UTF_8);
    }

    static String encodePath(String value) {
        return encode(value).replace("+", "%20");
    }
}
