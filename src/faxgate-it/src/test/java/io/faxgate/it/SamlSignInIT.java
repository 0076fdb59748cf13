package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.FaxgateApi.Answer;
import io.faxgate.sso.saml.EntraClaims;
import io.faxgate.sso.saml.fixture.EntraIdp;
import io.faxgate.sso.saml.fixture.EntraIdp.ResponseBuilder;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SAML sign-in through the deployed EAR with Entra-shaped responses signed by a test IdP key: the happy path into
 * a container session whose roles are the user's mapped permissions, and the attacks, each refused with its typed
 * reason in the audit log and a clear page — never a session, never a 5xx.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SamlSignInIT {

    private static final String GROUP_SALES = "8d0b6f8e-aaaa-4bbb-8ccc-000000000001";
    private final FaxgateApi operator = FaxgateApi.operator();

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    private static String refusalReason(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isIn(302, 303);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/error?reason=");
        return location.substring(location.indexOf("reason=") + 7);
    }

    static List<String> auditOutcomes(String slug, String type) {
        List<String> outcomes = new ArrayList<>();
        try (Connection c = TestDatabase.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT outcome || ':' || COALESCE(target, '') || ':' || COALESCE(detail, '') FROM audit_event e JOIN tenant t ON t.id = e.tenant_id"
                        + " WHERE t.slug = ? AND e.type = ? ORDER BY e.id")) {
            s.setString(1, slug);
            s.setString(2, type);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    outcomes.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return outcomes;
    }

    @Test
    void spInitiatedSignInMakesTheEntraUserTheContainerCallerWithTheirMappedPermissions() {
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of());
        String base = "/api/v1/tenants/" + tenant.slug();
        long sales = operator.post(base + "/security-groups", body("externalId", GROUP_SALES, "displayName", "Sales")).json().get("id").asLong();
        long line = operator.post(base + "/fax-lines", body("number", "+3" + (100000000L + System.nanoTime() % 899999999L), "label", "Sales")).json().get("id").asLong();
        operator.put(base + "/security-groups/" + sales + "/fax-lines/" + line, null);
        Answer mapping = operator.post(base + "/role-mappings", body("claimValue", "Fax.Operator", "permission", "MANAGE_FAX_LINES"));
        assertThat(mapping.status()).as(mapping.toString()).isEqualTo(201);
        SamlBrowser browser = new SamlBrowser();
        browser.get("/login.xhtml");
        String sessionBefore = browser.sessionId();

        HttpResponse<String> landed = browser.followLocal(SamlFlows.signIn(browser, tenant, r -> { }));

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(browser.sessionId()).as("session id renewed at sign-in").isNotEqualTo(sessionBefore);
        JsonNode me = SamlFlows.me(browser);
        assertThat(me.get("kind").asText()).isEqualTo("DIRECTORY_USER");
        assertThat(me.get("tenant").asText()).isEqualTo(tenant.slug());
        assertThat(me.get("email").asText()).isEqualTo(EntraIdp.EMAIL);
        assertThat(me.get("permissions").toString()).contains("MANAGE_FAX_LINES").doesNotContain("MANAGE_SSO");
        assertThat(me.get("faxLines").findValues("id").stream().map(JsonNode::asLong).toList()).containsExactly(line);
        assertThat(browser.get(base + "/fax-lines").statusCode()).as("@RolesAllowed(MANAGE_FAX_LINES) admits").isEqualTo(200);
        assertThat(browser.get(base + "/sso").statusCode()).as("@RolesAllowed(MANAGE_SSO) refuses").isEqualTo(403);
        assertThat(auditOutcomes(tenant.slug(), "SAML_SIGN_IN")).anySatisfy(a -> assertThat(a).startsWith("SUCCESS:" + EntraIdp.EMAIL));

        assertThat(operator.delete(base + "/role-mappings/" + mapping.json().get("id").asLong()).status()).isEqualTo(204);
        assertThat(browser.get(base + "/fax-lines").statusCode()).as("mapping removed: denied on the next request").isEqualTo(403);
        long userId = me.get("userId").asLong();
        long version = operator.get(base + "/users/" + userId).json().get("user").get("version").asLong();
        assertThat(operator.put(base + "/users/" + userId + "/active", body("active", false, "version", version)).status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/me").statusCode()).as("deactivated: the open session ends").isEqualTo(401);
    }

    @Test
    void eachAttackIsRefusedWithItsReasonAndNoSession() {
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of());
        Map<String, java.util.function.Consumer<ResponseBuilder>> attacks = new LinkedHashMap<>();
        attacks.put("SIGNATURE_MISSING", r -> r.signAssertion = false);
        attacks.put("SIGNATURE_INVALID", r -> r.signingKey = EntraIdp.ATTACKER);
        attacks.put("AUDIENCE_MISMATCH", r -> r.audience = "api://" + UUID.randomUUID());
        attacks.put("ISSUER_MISMATCH", r -> { r.responseIssuer = "https://sts.windows.net/" + UUID.randomUUID() + "/"; r.assertionIssuer = r.responseIssuer; });
        attacks.put("DESTINATION_MISMATCH", r -> r.destination = "https://evil.example/sso/acs");
        attacks.put("EXPIRED", r -> { r.notOnOrAfter = Instant.now().minusSeconds(600); r.scdNotOnOrAfter = r.notOnOrAfter; });
        attacks.put("WEAK_ALGORITHM", r -> r.sha1 = true);
        attacks.put("IN_RESPONSE_TO_UNKNOWN", r -> { r.inResponseTo = "ID_forged"; r.scdInResponseTo = "ID_forged"; });
        for (Map.Entry<String, java.util.function.Consumer<ResponseBuilder>> attack : attacks.entrySet()) {
            SamlBrowser browser = new SamlBrowser();
            assertThat(refusalReason(SamlFlows.signIn(browser, tenant, attack.getValue()))).as(attack.getKey()).isEqualTo(attack.getKey());
            assertThat(browser.get("/api/v1/me").statusCode()).as(attack.getKey() + " opened no session").isEqualTo(401);
        }
        HttpResponse<String> page = new SamlBrowser().get("/sso/" + tenant.slug() + "/error?reason=SIGNATURE_INVALID");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("certificate configured for your company").doesNotContain("Exception");
        assertThat(auditOutcomes(tenant.slug(), "SAML_SIGN_IN")).filteredOn(a -> a.startsWith("FAILURE:"))
                .extracting(a -> a.split(":")[1]).containsAll(attacks.keySet());
    }

    @Test
    void aResponseIsAcceptedOnceAndIdpInitiatedOnlyWhereAllowed() {
        SamlFlows.SsoTenant strict = SamlFlows.ssoTenant(Map.of());
        SamlBrowser first = new SamlBrowser();
        HttpResponse<String> toIdp = first.get("/sso/" + strict.slug() + "/login");
        String signed = SamlFlows.response(strict, SamlBrowser.authnRequestId(toIdp.headers().firstValue("Location").orElseThrow())).encoded();
        assertThat(SamlFlows.post(first, strict, signed).statusCode()).isIn(302, 303);
        assertThat(SamlFlows.me(first).get("tenant").asText()).isEqualTo(strict.slug());
        assertThat(refusalReason(SamlFlows.post(first, strict, signed))).as("replayed in the same session").isIn("REPLAYED", "IN_RESPONSE_TO_UNKNOWN");

        assertThat(refusalReason(SamlFlows.post(new SamlBrowser(), strict, SamlFlows.response(strict, null).encoded()))).isEqualTo("IDP_INITIATED_NOT_ALLOWED");

        SamlFlows.SsoTenant open = SamlFlows.ssoTenant(Map.of("allowIdpInitiated", true));
        SamlBrowser tile = new SamlBrowser();
        HttpResponse<String> landed = tile.postForm("/sso/" + open.slug() + "/acs", Map.of("SAMLResponse",
                SamlFlows.response(open, null).encoded(), "RelayState", "https://evil.example/steal", "faxgate_bounced", "1"));
        assertThat(landed.statusCode()).isIn(302, 303);
        assertThat(landed.headers().firstValue("Location").orElseThrow()).as("RelayState to another site is ignored")
                .doesNotContain("evil.example");
        assertThat(SamlFlows.me(tile).get("tenant").asText()).isEqualTo(open.slug());
    }

    @Test
    void tenantAsAssertionNeverOpensASessionInTenantBEvenWithTheSameIdpCertificate() {
        SamlFlows.SsoTenant a = SamlFlows.ssoTenant(Map.of("allowIdpInitiated", true));
        SamlFlows.SsoTenant b = SamlFlows.ssoTenant(Map.of("allowIdpInitiated", true));
        String forA = SamlFlows.response(a, null).encoded();

        SamlBrowser browser = new SamlBrowser();
        String reason = refusalReason(SamlFlows.post(browser, b, forA));
        assertThat(reason).isIn("DESTINATION_MISMATCH", "AUDIENCE_MISMATCH", "RECIPIENT_MISMATCH");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(operator.get("/api/v1/tenants/" + b.slug() + "/users").json().get("total").asLong()).as("no user created in B").isZero();

        Answer sameClient = operator.put("/api/v1/tenants/" + b.slug() + "/sso", body("enabled", false, "mode", "AUTHENTICATION_ONLY",
                "scope", "BOTH", "clientId", a.clientId()));
        assertThat(sameClient.status()).as("one Entra application per tenant").isEqualTo(409);
    }

    @Test
    void mfaAndGroupsOverageFollowTheTenantsRules() {
        SamlFlows.SsoTenant mfa = SamlFlows.ssoTenant(Map.of("requireMfa", true, "allowIdpInitiated", true));
        String withoutMfa = SamlFlows.response(mfa, null).set(r -> {
            r.attributes = new LinkedHashMap<>(r.attributes);
            r.attributes.put(EntraClaims.AUTHN_METHODS, List.of("http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password"));
        }).encoded();
        assertThat(refusalReason(SamlFlows.post(new SamlBrowser(), mfa, withoutMfa))).isEqualTo("MFA_REQUIRED");
        assertThat(SamlFlows.post(new SamlBrowser(), mfa, SamlFlows.response(mfa, null).encoded()).statusCode()).as("with MFA").isIn(302, 303);

        SamlFlows.SsoTenant overage = SamlFlows.ssoTenant(Map.of("allowIdpInitiated", true));
        String base = "/api/v1/tenants/" + overage.slug();
        long sales = operator.post(base + "/security-groups", body("externalId", GROUP_SALES, "displayName", "Sales")).json().get("id").asLong();
        SamlBrowser browser = new SamlBrowser();
        assertThat(SamlFlows.post(browser, overage, SamlFlows.response(overage, null).encoded()).statusCode()).isIn(302, 303);
        long userId = SamlFlows.me(browser).get("userId").asLong();
        assertThat(operator.get(base + "/users/" + userId).json().get("groups").findValuesAsText("displayName")).containsExactly("Sales");

        String overageResponse = SamlFlows.response(overage, null).set(r -> {
            r.attributes = new LinkedHashMap<>(r.attributes);
            r.attributes.remove(EntraClaims.GROUPS);
            r.attributes.put("http://schemas.microsoft.com/claims/groups.link", List.of("https://graph.windows.net/x/users/y/getMemberObjects"));
        }).encoded();
        assertThat(SamlFlows.post(new SamlBrowser(), overage, overageResponse).statusCode()).isIn(302, 303);
        assertThat(operator.get(base + "/users/" + userId).json().get("groups").findValues("id").stream().map(JsonNode::asLong).toList())
                .as("overage keeps the memberships").containsExactly(sales);
        assertThat(auditOutcomes(overage.slug(), "SAML_GROUPS_OVERAGE")).hasSize(1).allSatisfy(a -> assertThat(a).startsWith("WARNING"));
    }

    @Test
    void endpointsAnswerClearlyForBadRequestsAndPublishSignedMetadata() {
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of());
        SamlBrowser browser = new SamlBrowser();
        assertThat(browser.get("/sso/no-such-tenant/login").statusCode()).isEqualTo(404);
        String off = "off-" + UUID.randomUUID().toString().substring(0, 8);
        operator.post("/api/v1/tenants", body("slug", off, "name", off, "ssoAllowed", true));
        assertThat(browser.get("/sso/" + off + "/login").statusCode()).isEqualTo(403);
        assertThat(browser.get("/sso/" + tenant.slug() + "/acs").statusCode()).isEqualTo(405);
        assertThat(browser.postForm("/sso/" + tenant.slug() + "/acs", Map.of("SAMLResponse", "x".repeat(600 * 1024))).statusCode()).isEqualTo(413);
        String xxe = java.util.Base64.getEncoder().encodeToString(("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&x;</samlp:Response>").getBytes());
        assertThat(refusalReason(browser.postForm("/sso/" + tenant.slug() + "/acs", Map.of("SAMLResponse", xxe, "faxgate_bounced", "1"))))
                .isEqualTo("DTD_FORBIDDEN");

        HttpResponse<String> metadata = browser.get("/sso/" + tenant.slug() + "/metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/samlmetadata+xml");
        assertThat(metadata.body()).contains("entityID=\"" + tenant.audience() + "\"").contains("Location=\"" + tenant.acs() + "\"")
                .contains("SignatureValue").contains("/sso/" + tenant.slug() + "/slo");
    }
}
