package io.faxgate.it.idp;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.browser.Browser;
import io.faxgate.it.browser.KeycloakLoginPage;
import io.faxgate.it.idp.CapturingAcs.Captured;
import io.faxgate.it.idp.KeycloakIdp.RegisteredClient;
import io.faxgate.it.idp.KeycloakIdp.TestUser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Proves the test IdP (no Payara, no Arquillian): Keycloak starts, a tenant's SAML client is registered at runtime,
 * and an IdP-initiated sign-in through Keycloak's real login form in headless Chromium POSTs an Entra-shaped
 * Response to the ACS — captured here by a stand-in ACS, decoded and checked claim by claim, signature included.
 */
class KeycloakIdpIT {

    private static final String SLUG = "smoke";
    private static final String ROLE = "Fax.Sender";
    private static final long CLASS_STARTED = System.nanoTime();
    private static final Path ARTIFACTS = Path.of("target", "keycloak-idp-it");

    private static KeycloakIdp idp;
    private static CapturingAcs acs;
    private static RegisteredClient client;
    private static TestUser user;
    private static String groupA;
    private static String groupB;
    private static String otherGroup;
    private static String realmRole;

    @BeforeAll
    static void startIdpAndSeed() {
        long started = System.nanoTime();
        idp = KeycloakIdp.get();
        System.out.printf("KeycloakIdp: Keycloak ready in %d ms (get() took %d ms), log %s%n",
                idp.startupTime().toMillis(), Duration.ofNanos(System.nanoTime() - started).toMillis(), idp.logFile());

        acs = CapturingAcs.start();
        String clientId = UUID.randomUUID().toString();
        client = idp.registerSamlClient(SamlClientSpec.of(SLUG, clientId, acs.acsUrl(SLUG), acs.sloUrl(SLUG)));
        idp.createClientRole(client, ROLE);
        idp.createClientRole(client, "Fax.Unused");
        realmRole = "FaxAuditor-" + UUID.randomUUID().toString().substring(0, 8);
        idp.createRealmRole(realmRole);
        idp.addRealmRoleToClientScope(client, realmRole);

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        user = idp.createUser("alice-" + suffix, "Alice-pw-" + suffix, "alice-" + suffix + "@contoso.example", "Alice",
                "Anderson", UUID.randomUUID().toString());
        groupA = idp.createEntraGroup();
        groupB = idp.createEntraGroup();
        otherGroup = idp.createEntraGroup();
        idp.addToGroup(user, groupA);
        idp.addToGroup(user, groupB);
        idp.addToGroup(user, otherGroup);
        idp.removeFromGroup(user, otherGroup); // membership changes must show
        idp.grantClientRole(user, client, ROLE);
        idp.grantRealmRole(user, realmRole);
        assertThat(idp.groupsOf(user)).containsExactlyInAnyOrder(groupA, groupB);
    }

    @AfterAll
    static void cleanUp() {
        if (acs != null) {
            acs.close();
        }
        if (idp != null && client != null) {
            idp.deleteClient(client);
        }
        System.out.printf("KeycloakIdpIT: class took %d ms%n", Duration.ofNanos(System.nanoTime() - CLASS_STARTED).toMillis());
    }

    @Test
    void descriptorServesAnX509SigningCertificate() throws Exception {
        HttpResponse<String> descriptor = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(idp.descriptorUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(descriptor.statusCode()).isEqualTo(200);
        assertThat(descriptor.body()).contains("entityID=\"" + idp.entityId() + "\"");
        assertThat(descriptor.body()).contains("Location=\"" + idp.loginEndpoint() + "\"");

        String pem = idp.signingCertificatePem();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        String body = pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(body)));
        certificate.checkValidity();
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(certificate.getSubjectX500Principal().getName()).contains(KeycloakIdp.REALM);
        assertThat(descriptor.body()).contains(body);
    }

    @Test
    void idpInitiatedSignInPostsAnEntraShapedSignedAssertionToTheAcs() {
        acs.drain();
        Path artifacts = ARTIFACTS.resolve("idp-initiated");
        try (Browser browser = Browser.open()) {
            signInIdpInitiated(browser, acs, SLUG, user, artifacts);
        }

        Captured post = acs.await("/sso/" + SLUG + "/acs", Duration.ofSeconds(5));
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/sso/" + SLUG + "/acs");
        SamlResponse response = post.decodedResponse();

        assertThat(response.statusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Success");
        assertThat(response.responseIssuer()).isEqualTo(idp.entityId());
        assertThat(response.assertionIssuer()).isEqualTo(idp.entityId());
        assertThat(response.destination()).isEqualTo(acs.acsUrl(SLUG));
        assertThat(response.inResponseTo()).as("IdP-initiated: no InResponseTo").isEmpty();
        assertThat(response.assertions()).hasSize(1);
        assertThat(response.audiences()).containsExactly("api://" + client.spec().clientId());
        assertThat(response.recipient()).isEqualTo(acs.acsUrl(SLUG));

        // Entra's default: assertion signed (RSA-SHA256), response not.
        assertThat(response.assertionSigned()).isTrue();
        assertThat(response.responseSigned()).isFalse();
        assertThat(response.assertionSignatureAlgorithm()).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(response.assertionSignatureValid(idp.signingCertificate())).isTrue();
        SamlResponse tampered = SamlResponse.fromXml(response.xml().replace(user.objectId(), UUID.randomUUID().toString()));
        assertThat(tampered.assertionSignatureValid(idp.signingCertificate())).as("tampered assertion").isFalse();

        assertThat(response.nameId()).isEqualTo(user.email());
        assertThat(response.nameIdFormat()).isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");

        assertThat(response.attributeValues(EntraClaim.EMAIL_ADDRESS.attributeName())).containsExactly(user.email());
        assertThat(response.attributeValues(EntraClaim.NAME.attributeName())).containsExactly(user.username());
        assertThat(response.attributeValues(EntraClaim.GIVEN_NAME.attributeName())).containsExactly("Alice");
        assertThat(response.attributeValues(EntraClaim.SURNAME.attributeName())).containsExactly("Anderson");
        assertThat(response.attributeValues(EntraClaim.OBJECT_IDENTIFIER.attributeName())).containsExactly(user.objectId());
        assertThat(response.attributeValues(EntraClaim.TENANT_ID.attributeName()))
                .containsExactly(SamlClientSpec.DEFAULT_TENANT_ID);
        assertThat(response.attributeValues(EntraClaim.AUTHN_METHODS_REFERENCES.attributeName()))
                .containsExactly(SamlClientSpec.MULTIPLE_AUTHN);
        assertThat(response.attributeElementCount(EntraClaim.GROUPS.attributeName())).as("groups in ONE Attribute").isEqualTo(1);
        assertThat(response.attributeValues(EntraClaim.GROUPS.attributeName())).containsExactlyInAnyOrder(groupA, groupB);
        assertThat(response.attributeElementCount(EntraClaim.ROLE.attributeName())).as("roles in ONE Attribute").isEqualTo(1);
        assertThat(response.attributeValues(EntraClaim.ROLE.attributeName())).containsExactlyInAnyOrder(ROLE, realmRole);
        assertThat(response.attributes()).doesNotContainKey(EntraClaim.GROUPS_LINK.attributeName());
        // Only Entra's claim names: no Keycloak extras such as "Role".
        assertThat(response.attributes().keySet()).allMatch(name -> name.startsWith("http://schemas."));
        for (Element attribute : response.attributeElements()) {
            assertThat(attribute.getAttribute("Name")).isNotBlank();
        }
        save(artifacts.resolve("saml-response.xml"), response.xml());
        assertThat(new String(Base64.getMimeDecoder().decode(post.samlResponse()), StandardCharsets.UTF_8)).isEqualTo(response.xml());
    }

    @Test
    void groupsOverageSendsTheGroupsLinkInsteadOfTheGroups() {
        String slug = "smoke-overage";
        try (CapturingAcs overageAcs = CapturingAcs.start(); Browser browser = Browser.open()) {
            SamlClientSpec spec = SamlClientSpec.of(slug, UUID.randomUUID().toString(), overageAcs.acsUrl(slug), null)
                    .withGroupsOverage();
            RegisteredClient overage = idp.registerSamlClient(spec);
            try {
                signInIdpInitiated(browser, overageAcs, slug, user, ARTIFACTS.resolve("overage"));
                SamlResponse response = overageAcs.await("/sso/" + slug + "/acs", Duration.ofSeconds(5)).decodedResponse();
                assertThat(response.audiences()).containsExactly(spec.entityId());
                assertThat(response.attributes()).doesNotContainKey(EntraClaim.GROUPS.attributeName());
                assertThat(response.attributeValues(EntraClaim.GROUPS_LINK.attributeName())).containsExactly(spec.groupsLink());
                assertThat(response.attributeValues(EntraClaim.OBJECT_IDENTIFIER.attributeName())).containsExactly(user.objectId());
                assertThat(response.attributeValues(EntraClaim.ROLE.attributeName())).isEmpty(); // roles are per client
            } finally {
                idp.deleteClient(overage);
            }
        }
    }

    @Test
    void spInitiatedAuthnRequestsAreCheckedLikeEntraChecksThem() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        // Unsigned, registered ACS: the login form.
        HttpResponse<String> accepted = http.send(authnRequest(client.entityId(), acs.acsUrl(SLUG)), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("id=\"kc-form-login\"");
        // A reply URL that differs only by a trailing slash (Entra: AADSTS50011): refused.
        HttpResponse<String> wrongAcs = http.send(authnRequest(client.entityId(), acs.acsUrl(SLUG) + "/"), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongAcs.statusCode()).isEqualTo(400);
        assertThat(wrongAcs.body()).doesNotContain("kc-form-login");
        // An unknown entity id (Entra: AADSTS700016): refused.
        HttpResponse<String> unknown = http.send(authnRequest("api://" + UUID.randomUUID(), acs.acsUrl(SLUG)), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        // A client that requires signed AuthnRequests refuses an unsigned one.
        String slug = "smoke-signed";
        RegisteredClient signed = idp.registerSamlClient(SamlClientSpec.of(slug, UUID.randomUUID().toString(),
                acs.acsUrl(slug), acs.sloUrl(slug)).withSignedRequestsRequired(idp.signingCertificatePem()));
        try {
            HttpResponse<String> refused = http.send(authnRequest(signed.entityId(), acs.acsUrl(slug)), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("kc-form-login");
        } finally {
            idp.deleteClient(signed);
        }
    }

    @Test
    void frontChannelLogoutRedirectsTheBrowserToTheSloUrlWithALogoutRequest() {
        acs.drain();
        Path artifacts = ARTIFACTS.resolve("slo");
        try (Browser browser = Browser.open()) {
            signInIdpInitiated(browser, acs, SLUG, user, artifacts);
            SamlResponse signIn = acs.await("/sso/" + SLUG + "/acs", Duration.ofSeconds(5)).decodedResponse();
            try {
                browser.get(idp.entityId() + "/protocol/openid-connect/logout");
                browser.click(By.id("kc-logout"));
                browser.waitForUrl(acs.sloUrl(SLUG));
            } catch (RuntimeException | AssertionError e) {
                browser.saveArtifacts(artifacts, "failure");
                throw e;
            }
            Captured logout = acs.await("/sso/" + SLUG + "/slo", Duration.ofSeconds(5));
            assertThat(logout.method()).isEqualTo("GET");
            assertThat(logout.path()).isEqualTo("/sso/" + SLUG + "/slo");
            String xml = RedirectBinding.decode(logout.query().get("SAMLRequest"));
            save(artifacts.resolve("logout-request.xml"), xml);
            Element request = SamlResponse.parseXml(xml).getDocumentElement();
            assertThat(request.getLocalName()).isEqualTo("LogoutRequest");
            assertThat(request.getAttribute("Destination")).isEqualTo(acs.sloUrl(SLUG));
            assertThat(text(request, SamlResponse.ASSERTION_NS, "Issuer")).isEqualTo(idp.entityId());
            assertThat(text(request, SamlResponse.ASSERTION_NS, "NameID")).isEqualTo(user.email());
            String sessionIndex = signIn.assertion().getElementsByTagNameNS(SamlResponse.ASSERTION_NS, "AuthnStatement")
                    .item(0).getAttributes().getNamedItem("SessionIndex").getNodeValue();
            assertThat(text(request, SamlResponse.PROTOCOL_NS, "SessionIndex")).isEqualTo(sessionIndex);
            System.out.println("KeycloakIdpIT: LogoutRequest query parameters " + logout.query().keySet());
        }
    }

    /** IdP-initiated sign-in through Keycloak's form; returns once the browser shows the stand-in ACS's answer. */
    private static void signInIdpInitiated(Browser browser, CapturingAcs target, String slug, TestUser who, Path artifacts) {
        try {
            browser.get(idp.idpInitiatedUrl(slug));
            browser.screenshot(artifacts.resolve("1-keycloak-login.png"));
            assertThat(KeycloakLoginPage.isShown(browser)).as("Keycloak login form at %s", browser.currentUrl()).isTrue();
            KeycloakLoginPage.signIn(browser, who.username(), who.password());
            // Keycloak answers with an auto-submitting form that POSTs the SAMLResponse to the stand-in ACS.
            browser.waitForUrl(target.acsUrl(slug));
            browser.screenshot(artifacts.resolve("2-acs.png"));
            assertThat(browser.pageSource()).contains("captured");
        } catch (RuntimeException | AssertionError e) {
            browser.saveArtifacts(artifacts, "failure");
            throw e;
        }
    }

    private static HttpRequest authnRequest(String issuer, String acsUrl) {
        String xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_" + UUID.randomUUID() + "\" Version=\"2.0\" "
                + "IssueInstant=\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\" Destination=\"" + idp.loginEndpoint() + "\" "
                + "AssertionConsumerServiceURL=\"" + acsUrl + "\" "
                + "ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
                + "<saml:Issuer>" + issuer + "</saml:Issuer>"
                + "<samlp:NameIDPolicy Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\" AllowCreate=\"true\"/>"
                + "</samlp:AuthnRequest>";
        String query = "SAMLRequest=" + URLEncoder.encode(RedirectBinding.encode(xml), StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(idp.loginEndpoint() + "?" + query)).GET().build();
    }

    private static String text(Element parent, String ns, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(ns, localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static void save(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
