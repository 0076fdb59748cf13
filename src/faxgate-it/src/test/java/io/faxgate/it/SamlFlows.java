package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.FaxgateApi.Answer;
import io.faxgate.formats.Pem;
import io.faxgate.sso.saml.fixture.EntraIdp;
import io.faxgate.sso.saml.fixture.EntraIdp.ResponseBuilder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SAML sign-in as the tests drive it: a tenant wired to the Entra-shaped test IdP, and the browser's part. */
final class SamlFlows {

    private SamlFlows() {
    }

    /** A tenant connected to the test IdP as if to Entra; returns slug and client id. */
    record SsoTenant(String slug, String clientId) {
        String acs() {
            return FaxgateApi.BASE_URL + "/sso/" + slug + "/acs";
        }

        String audience() {
            return "api://" + clientId;
        }
    }

    static SsoTenant ssoTenant(Map<String, Object> overrides) {
        FaxgateApi operator = FaxgateApi.operator();
        String slug = "saml-" + UUID.randomUUID().toString().substring(0, 8);
        String clientId = UUID.randomUUID().toString();
        assertThat(operator.post("/api/v1/tenants", body("slug", slug, "name", slug, "ssoAllowed", true)).status()).isEqualTo(201);
        Map<String, Object> settings = new LinkedHashMap<>(body("enabled", true, "mode", "AUTHENTICATION_AND_PERMISSIONS",
                "scope", "BOTH", "loginEndpoint", "https://login.microsoftonline.com/" + EntraIdp.TENANT + "/saml2",
                "clientId", clientId, "certificates", List.of(Pem.encodeCertificate(EntraIdp.IDP.certificate())),
                "allowIdpInitiated", false, "requireMfa", false));
        settings.putAll(overrides);
        Answer saved = operator.put("/api/v1/tenants/" + slug + "/sso", settings);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return new SsoTenant(slug, clientId);
    }

    static ResponseBuilder response(SsoTenant tenant, String inResponseTo) {
        return response(tenant.audience(), tenant.acs(), inResponseTo);
    }

    /** A fresh, valid Entra-shaped answer for this audience and ACS (e.g. a cluster's public node). */
    static ResponseBuilder response(String audience, String acs, String inResponseTo) {
        Instant now = Instant.now();
        return EntraIdp.response().set(r -> {
            r.audience = audience;
            r.destination = acs;
            r.recipient = acs;
            r.inResponseTo = inResponseTo;
            r.scdInResponseTo = inResponseTo;
            r.issueInstant = now.minusSeconds(2);
            r.notBefore = now.minusSeconds(2);
            r.notOnOrAfter = now.plus(Duration.ofMinutes(70));
            r.scdNotOnOrAfter = now.plus(Duration.ofMinutes(70));
        });
    }

    /** SP-initiated: our login link, the AuthnRequest's id, the IdP's signed answer posted back (with the bounce). */
    static HttpResponse<String> signIn(SamlBrowser browser, SsoTenant tenant, java.util.function.Consumer<ResponseBuilder> tweak) {
        HttpResponse<String> toIdp = browser.get("/sso/" + tenant.slug() + "/login");
        assertThat(toIdp.statusCode()).isEqualTo(302);
        String location = toIdp.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://login.microsoftonline.com/" + EntraIdp.TENANT + "/saml2?SAMLRequest=");
        String requestId = SamlBrowser.authnRequestId(location);
        return post(browser, tenant, response(tenant, requestId).set(tweak).encoded());
    }

    static HttpResponse<String> post(SamlBrowser browser, SsoTenant tenant, String samlResponse) {
        HttpResponse<String> bounce = browser.postForm("/sso/" + tenant.slug() + "/acs", Map.of("SAMLResponse", samlResponse));
        assertThat(bounce.statusCode()).isEqualTo(200);
        assertThat(bounce.body()).contains("name=\"faxgate_bounced\"");
        return browser.postForm("/sso/" + tenant.slug() + "/acs", Map.of("SAMLResponse", samlResponse, "faxgate_bounced", "1"));
    }

    static JsonNode me(SamlBrowser browser) {
        HttpResponse<String> me = browser.get("/api/v1/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        try {
            return FaxgateApi.JSON.readTree(me.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
