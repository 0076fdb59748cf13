package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.FaxgateApi.Answer;
import io.faxgate.it.browser.Browser;
import io.faxgate.it.browser.KeycloakLoginPage;
import io.faxgate.it.idp.KeycloakIdp;
import io.faxgate.it.idp.KeycloakIdp.TestUser;
import io.faxgate.it.idp.SamlClientSpec;
import io.faxgate.it.idp.SamlResponse;
import io.faxgate.sso.saml.LogoutRequestSpec;
import io.faxgate.sso.saml.SamlEngine;
import io.faxgate.sso.saml.SamlEngines;
import io.faxgate.sso.saml.SpKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * SAML protocol completeness against the real IdP (Keycloak, set up like Entra): encrypted assertions ("token
 * encryption"), signed AuthnRequests where the tenant says so ("require verification certificates"), and single
 * logout started at the IdP — each with the attack that must fail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeycloakProtocolIT {

    private static final Path ARTIFACTS = Path.of("target", "keycloak-protocol-it");
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String AES_256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    private static final String AES_256_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static KeycloakIdp idp;
    private static TestUser gina;
    private final FaxgateApi operator = FaxgateApi.operator();

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @BeforeAll
    static void idpWithAUser() {
        idp = KeycloakIdp.get();
        String name = "gina-" + UUID.randomUUID().toString().substring(0, 8);
        gina = idp.createUser(name, "Pw-" + UUID.randomUUID(), name + "@keycloak.test", "Gina", "Gray", UUID.randomUUID().toString());
    }

    @Test
    void encryptedAssertionsAreReadWithTheSpEncryptionKeyAndNothingElse() {
        Tenant good = tenant(Map.of());
        assertThat(good.certificate("encryption")).as("metadata publishes a separate encryption certificate")
                .isNotEqualTo(good.certificate("signing"));
        idp.registerSamlClient(good.spec().withEncryptedAssertions(good.certificate("encryption"), AES_256_GCM));
        try (Browser browser = Browser.open()) {
            signInThroughKeycloak(browser, good.slug());
            browser.saveArtifacts(ARTIFACTS, "encrypted-signed-in");
            assertThat(me(browser)).contains("\"tenant\":\"" + good.slug() + "\"").contains(gina.email());
        }

        // Encrypted for the SIGNING certificate: only the signing key could read it, and Faxgate never decrypts with it.
        Tenant wrongKey = tenant(Map.of());
        idp.registerSamlClient(wrongKey.spec().withEncryptedAssertions(wrongKey.certificate("signing"), AES_256_GCM));
        refusedAtSignIn(wrongKey.slug(), "DECRYPTION_FAILED");
        // Entra's AES-CBC: refused unless the tenant opted in (padding oracles on XML encryption).
        Tenant cbc = tenant(Map.of());
        idp.registerSamlClient(cbc.spec().withEncryptedAssertions(cbc.certificate("encryption"), AES_256_CBC));
        refusedAtSignIn(cbc.slug(), "WEAK_ALGORITHM");
    }

    @Test
    void authnRequestsAreSignedWhereTheTenantSaysSoAndTheIdpChecksThem() throws Exception {
        Tenant signing = tenant(Map.of("signAuthnRequests", true));
        assertThat(signing.metadata().getDocumentElement().getElementsByTagNameNS(MD, "SPSSODescriptor").item(0)
                .getAttributes().getNamedItem("AuthnRequestsSigned").getNodeValue()).isEqualTo("true");
        idp.registerSamlClient(signing.spec().withSignedRequestsRequired(signing.certificate("signing")));
        URI toIdp = loginRedirect(signing.slug());
        assertThat(toIdp.getRawQuery()).contains("SigAlg=").contains("Signature=");
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(toIdp).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as("Keycloak verified our signature").isEqualTo(200);
        assertThat(accepted.body()).contains("kc-form-login");

        // The same tenant without the option: unsigned, and the IdP that requires signatures refuses it.
        Map<String, Object> off = signing.settings();
        off.put("signAuthnRequests", false);
        assertThat(operator.put("/api/v1/tenants/" + signing.slug() + "/sso", off).status()).isEqualTo(200);
        assertThat(signing.metadata().getDocumentElement().getElementsByTagNameNS(MD, "SPSSODescriptor").item(0)
                .getAttributes().getNamedItem("AuthnRequestsSigned").getNodeValue()).isEqualTo("false");
        URI unsigned = loginRedirect(signing.slug());
        assertThat(unsigned.getRawQuery()).doesNotContain("Signature=");
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(unsigned).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("kc-form-login");

        // Signed, but the IdP trusts another certificate (a stale upload in Entra): refused.
        Tenant stale = tenant(Map.of("signAuthnRequests", true));
        idp.registerSamlClient(stale.spec().withSignedRequestsRequired(stale.certificate("encryption")));
        HttpResponse<String> wrongCert = HTTP.send(HttpRequest.newBuilder(loginRedirect(stale.slug())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongCert.statusCode()).isEqualTo(400);
        assertThat(wrongCert.body()).doesNotContain("kc-form-login");
    }

    @Test
    void singleLogoutStartedAtTheIdpEndsTheFaxgateSessionAndAForgedOneDoesNot() {
        Tenant tenant = tenant(Map.of());
        // "Sign documents": Keycloak signs its LogoutRequests only then (Faxgate refuses unsigned ones, like forged ones).
        idp.registerSamlClient(tenant.spec().withSigning(true, true));
        String slo = FaxgateApi.BASE_URL + "/sso/" + tenant.slug() + "/slo";
        try (Browser browser = Browser.open(); SamlEngine engine = SamlEngines.keycloak()) {
            signInThroughKeycloak(browser, tenant.slug());
            // A LogoutRequest in Keycloak's name, signed by another key: refused, the session goes on.
            String forged = engine.logoutRequest(LogoutRequestSpec.builder().spEntityId(idp.entityId()).idpSloUrl(slo)
                    .nameId(gina.email()).signWith(SpKeys.generate("attacker")).build()).url().toString();
            browser.get(forged);
            browser.saveArtifacts(ARTIFACTS, "forged-logout");
            assertThat(browser.pageSource()).contains("Logout refused");
            assertThat(me(browser)).as("still signed in").contains("\"tenant\":\"" + tenant.slug() + "\"");

            // The person signs out at the IdP: Keycloak sends the browser to our SLO endpoint with a signed LogoutRequest.
            browser.get(idp.entityId() + "/protocol/openid-connect/logout");
            browser.click(By.id("kc-logout"));
            // Faxgate ends the session, then audits the sign-out; wait for that before looking.
            try {
                browser.waitUntil(d -> !SamlSignInIT.auditOutcomes(tenant.slug(), "SAML_SIGN_OUT").isEmpty(), Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                browser.saveArtifacts(ARTIFACTS, "idp-logout-failed");
                throw new AssertionError("no sign-out at " + browser.currentUrl() + "; refusals: "
                        + SamlSignInIT.auditOutcomes(tenant.slug(), "SAML_SIGN_IN"), e);
            }
            browser.saveArtifacts(ARTIFACTS, "idp-logout-done");
            assertThat(me(browser)).as("the Faxgate session ended").doesNotContain("\"tenant\"");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A tenant connected to Keycloak (not yet registered there: the test chooses how). */
    private record Tenant(String slug, String clientId, Map<String, Object> settings) {
        SamlClientSpec spec() {
            return SamlClientSpec.forFaxgate(FaxgateApi.BASE_URL, slug, clientId);
        }

        Document metadata() {
            Answer metadata = FaxgateApi.anonymous().get("/sso/" + slug + "/metadata");
            assertThat(metadata.status()).isEqualTo(200);
            return SamlResponse.parseXml(metadata.raw().body());
        }

        /** Faxgate's SP certificate for {@code use} (signing, encryption) as published in its metadata, PEM body. */
        String certificate(String use) {
            NodeList keys = metadata().getElementsByTagNameNS(MD, "KeyDescriptor");
            for (int i = 0; i < keys.getLength(); i++) {
                Element key = (Element) keys.item(i);
                if (use.equals(key.getAttribute("use"))) {
                    return key.getElementsByTagNameNS(DS, "X509Certificate").item(0).getTextContent().replaceAll("\\s", "");
                }
            }
            throw new AssertionError("no " + use + " certificate in the metadata of " + slug);
        }
    }

    private Tenant tenant(Map<String, Object> overrides) {
        String slug = "kp-" + UUID.randomUUID().toString().substring(0, 8);
        String clientId = UUID.randomUUID().toString();
        assertThat(operator.post("/api/v1/tenants", body("slug", slug, "name", slug, "ssoAllowed", true)).status()).isEqualTo(201);
        Map<String, Object> settings = body("enabled", true, "mode", "AUTHENTICATION_ONLY", "scope", "BOTH",
                "loginEndpoint", idp.loginEndpoint(), "idpEntityId", idp.entityId(), "clientId", clientId,
                "certificates", List.of(idp.signingCertificatePem()));
        settings.putAll(overrides);
        Answer saved = operator.put("/api/v1/tenants/" + slug + "/sso", settings);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return new Tenant(slug, clientId, settings);
    }

    private static URI loginRedirect(String slug) throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + "/sso/" + slug + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        URI location = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(idp.loginEndpoint() + "?SAMLRequest=");
        return location;
    }

    private static void signInThroughKeycloak(Browser browser, String slug) {
        browser.get(FaxgateApi.BASE_URL + "/sso/" + slug + "/login");
        browser.waitUntil(d -> KeycloakLoginPage.isShown(browser), Duration.ofSeconds(30));
        KeycloakLoginPage.signIn(browser, gina.username(), gina.password());
        try {
            browser.waitFor(By.id("caller"), Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            browser.saveArtifacts(ARTIFACTS, "sign-in-failed-" + slug);
            throw new AssertionError("sign-in to " + slug + " did not finish at " + browser.currentUrl(), e);
        }
    }

    private static void refusedAtSignIn(String slug, String reason) {
        try (Browser browser = Browser.open()) {
            browser.get(FaxgateApi.BASE_URL + "/sso/" + slug + "/login");
            browser.waitUntil(d -> KeycloakLoginPage.isShown(browser), Duration.ofSeconds(30));
            KeycloakLoginPage.signIn(browser, gina.username(), gina.password());
            browser.waitUntil(d -> d.getCurrentUrl().contains("/sso/" + slug + "/error"), Duration.ofSeconds(30));
            browser.saveArtifacts(ARTIFACTS, "refused-" + reason);
            assertThat(browser.currentUrl()).contains("reason=" + reason);
            assertThat(me(browser)).as("no session").doesNotContain("\"tenant\"");
        }
    }

    private static String me(Browser browser) {
        browser.get(FaxgateApi.BASE_URL + "/api/v1/me");
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
