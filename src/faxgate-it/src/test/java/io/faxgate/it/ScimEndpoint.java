package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.FaxgateApi.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** One tenant's SCIM endpoint as a SCIM client sees it: raw HTTP with a bearer token, bodies as Entra sends them. */
final class ScimEndpoint {

    static final String SCIM_JSON = "application/scim+json";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    final String slug;
    final String token;
    final long tokenId;

    private ScimEndpoint(String slug, String token, long tokenId) {
        this.slug = slug;
        this.token = token;
        this.tokenId = tokenId;
    }

    /** A new tenant with a fresh SCIM token (created through the management API, as an admin would). */
    static ScimEndpoint newTenant(String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Answer tenant = FaxgateApi.operator().post("/api/v1/tenants", body("slug", slug, "name", slug, "ssoAllowed", true));
        assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
        return forTenant(slug, null);
    }

    static ScimEndpoint forTenant(String slug, Integer ratePerSecond) {
        Answer created = FaxgateApi.operator().post("/api/v1/tenants/" + slug + "/scim-tokens",
                body("label", "test token", "ratePerSecond", ratePerSecond));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new ScimEndpoint(slug, created.json().get("token").asText(), created.json().get("id").asLong());
    }

    ScimEndpoint withToken(String otherToken) {
        return new ScimEndpoint(slug, otherToken, -1);
    }

    ScimEndpoint forSlug(String otherSlug) {
        return new ScimEndpoint(otherSlug, token, tokenId);
    }

    String base() {
        return FaxgateApi.BASE_URL + "/scim/v2/" + slug;
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, String json) {
        return send("POST", path, json);
    }

    Answer put(String path, String json) {
        return send("PUT", path, json);
    }

    Answer patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", SCIM_JSON)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", SCIM_JSON);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = FaxgateApi.exchange(HTTP, request.build());
        return new Answer(response.statusCode(), response);
    }

    /** A filter as a query parameter. */
    static String filter(String filter) {
        return "filter=" + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Asserts a SCIM error document with this status (and scimType, if given) and nothing that leaks internals. */
    static JsonNode assertScimError(Answer a, int status, String scimType) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith(SCIM_JSON);
        JsonNode e = a.json();
        assertThat(e.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(e.get("status").isTextual()).as("status is a string").isTrue();
        assertThat(e.get("status").asText()).isEqualTo(Integer.toString(status));
        if (scimType != null) {
            assertThat(e.path("scimType").asText()).as(a.toString()).isEqualTo(scimType);
        }
        assertThat(a.raw().body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.faxgate.");
        return e;
    }

    static String user(String userName, String externalId, String given, String family) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"%s","userName":"%s","active":true,"displayName":"%s %s",
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"%s %s","familyName":"%s","givenName":"%s"},
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Dispatch"}}
                """.formatted(externalId, userName, given, family, userName, given, family, family, given);
    }

    static String group(String displayName, String externalId) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"%s","displayName":"%s",
                 "meta":{"resourceType":"Group"},"members":[]}""".formatted(externalId, displayName);
    }

    static String patch(String... operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + String.join(",", operations) + "]}";
    }

    /** Creates a user and returns its SCIM id. */
    String createUser(String userName) {
        Answer a = post("/Users", user(userName, UUID.randomUUID().toString(), "Test", "User"));
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        return a.json().get("id").asText();
    }
}
