package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.FaxgateApi.Answer;
import io.faxgate.formats.Pem;
import io.faxgate.sso.saml.fixture.EntraIdp;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.xml.security.encryption.XMLCipher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 11 items 4, 6 and 11 through the deployed EAR: the database replay store (a tenant whose IdP floods it
 * refuses only its own sign-ins; a replay is refused in any session; the mark outlives a refused sign-in), an
 * unsigned InResponseTo cannot make an IdP-initiated assertion solicited, and token encryption (separate keys in
 * the metadata, AES-GCM accepted, AES-CBC only with the audited opt-in, nothing decrypts with the signing key).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SamlHardeningIT {

    /** The suite's per-tenant quota (pom: it.sso.replay.max-entries-per-tenant, env FAXGATE_SSO_REPLAY_MAX_ENTRIES_PER_TENANT). */
    private static final int QUOTA = Integer.getInteger("faxgate.it.sso.replay.max-entries-per-tenant", 25);
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private final FaxgateApi operator = FaxgateApi.operator();

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    private static String refusalReason(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isIn(302, 303);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).as("refused").contains("/error?reason=");
        return location.substring(location.indexOf("reason=") + 7);
    }

    private static HttpResponse<String> idpInitiated(SamlFlows.SsoTenant tenant, String encoded) {
        return SamlFlows.post(new SamlBrowser(), tenant, encoded);
    }

    private static boolean signedIn(SamlBrowser browser) {
        return browser.get("/api/v1/me").statusCode() == 200;
    }

    private static List<String> query(String sql, String slug) {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Map<String, X509Certificate> metadataKeys(SamlFlows.SsoTenant tenant) {
        HttpResponse<String> metadata = new SamlBrowser().get("/sso/" + tenant.slug() + "/metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        Document doc = EntraIdp.parse(metadata.body());
        Map<String, X509Certificate> byUse = new LinkedHashMap<>();
        for (Element k : EntraIdp.elements(doc, MD, "KeyDescriptor")) {
            byUse.put(k.getAttribute("use"), Pem.parseCertificate(k.getElementsByTagNameNS(DS, "X509Certificate").item(0).getTextContent()));
        }
        return byUse;
    }

    @Test
    void anIdpThatFloodsTheReplayCacheLocksOutOnlyItsOwnTenant() {
        SamlFlows.SsoTenant flooded = SamlFlows.ssoTenant(Map.of("allowIdpInitiated", true));
        SamlFlows.SsoTenant neighbour = SamlFlows.ssoTenant(Map.of("allowIdpInitiated", true));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < QUOTA; i++) {
            EntraIdp.ResponseBuilder r = SamlFlows.response(flooded, null)
                    .set(x -> {
                        x.notOnOrAfter = java.time.Instant.parse("9999-12-31T23:59:59Z");
                        x.scdNotOnOrAfter = x.notOnOrAfter;
                    });
            ids.add(r.assertionId);
            assertThat(idpInitiated(flooded, r.encoded()).statusCode()).as("sign-in " + i).isIn(302, 303);
        }
        SamlBrowser genuine = new SamlBrowser();
        assertThat(refusalReason(SamlFlows.post(genuine, flooded, SamlFlows.response(flooded, null).encoded())))
                .isEqualTo("REPLAY_CACHE_FULL");
        assertThat(signedIn(genuine)).isFalse();

        SamlBrowser other = new SamlBrowser();
        assertThat(SamlFlows.post(other, neighbour, SamlFlows.response(neighbour, null).encoded()).statusCode()).isIn(302, 303);
        assertThat(SamlFlows.me(other).get("tenant").asText()).as("another tenant still signs in").isEqualTo(neighbour.slug());

        List<String> stored = query("SELECT u.assertion_key FROM saml_assertion_use u JOIN tenant t ON t.id = u.tenant_id WHERE t.slug = ?",
                flooded.slug());
        assertThat(stored).hasSize(QUOTA).allSatisfy(k -> assertThat(k).matches("[0-9a-f]{64}"));
        assertThat(stored).noneMatch(k -> ids.stream().anyMatch(id -> k.contains(id.substring(1, 9))));
        List<String> expiries = query("SELECT MAX(u.expires_at) FROM saml_assertion_use u JOIN tenant t ON t.id = u.tenant_id WHERE t.slug = ?",
                flooded.slug());
        assertThat(java.sql.Timestamp.valueOf(expiries.get(0)).toInstant())
                .as("year 9999 is capped to IssueInstant + 2 h + skew").isBefore(java.time.Instant.now().plus(java.time.Duration.ofHours(3)));
        assertThat(query("SELECT e.target FROM audit_event e JOIN tenant t ON t.id = e.tenant_id WHERE t.slug = ? AND e.type = 'SAML_SIGN_IN'"
                + " AND e.outcome = 'FAILURE'", flooded.slug())).contains("REPLAY_CACHE_FULL");
    }

    @Test
    void aReplayIsRefusedInAnySessionAndTheMarkOutlivesARefusedSignIn() {
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of("allowIdpInitiated", true));
        String once = SamlFlows.response(tenant, null).encoded();
        SamlBrowser first = new SamlBrowser();
        assertThat(SamlFlows.post(first, tenant, once).statusCode()).as("a valid first sign-in succeeds").isIn(302, 303);
        assertThat(signedIn(first)).isTrue();
        SamlBrowser thief = new SamlBrowser();
        assertThat(refusalReason(SamlFlows.post(thief, tenant, once))).isEqualTo("REPLAYED");
        assertThat(signedIn(thief)).isFalse();

        // Faxgate's own rules refuse the person (MFA) after the engine accepted the assertion: the sign-in's
        // transaction rolls back, the replay mark (its own transaction) stays
        SamlFlows.SsoTenant mfa = SamlFlows.ssoTenant(Map.of("allowIdpInitiated", true, "requireMfa", true));
        String withoutMfa = SamlFlows.response(mfa, null).set(r -> {
            r.attributes = new LinkedHashMap<>(r.attributes);
            r.attributes.put(io.faxgate.sso.saml.EntraClaims.AUTHN_METHODS,
                    List.of("http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password"));
        }).encoded();
        assertThat(refusalReason(SamlFlows.post(new SamlBrowser(), mfa, withoutMfa))).isEqualTo("MFA_REQUIRED");
        assertThat(refusalReason(SamlFlows.post(new SamlBrowser(), mfa, withoutMfa))).isEqualTo("REPLAYED");
    }

    @Test
    void anUnsignedInResponseToCannotMakeAnIdpInitiatedAssertionSolicited() {
        SamlFlows.SsoTenant strict = SamlFlows.ssoTenant(Map.of());
        SamlBrowser attacker = new SamlBrowser();
        HttpResponse<String> toIdp = attacker.get("/sso/" + strict.slug() + "/login");
        String ownRequestId = SamlBrowser.authnRequestId(toIdp.headers().firstValue("Location").orElseThrow());
        // an IdP-initiated assertion (only the Assertion is signed) wrapped in a Response naming the attacker's request
        String wrapped = SamlFlows.response(strict, null).set(r -> r.inResponseTo = ownRequestId).encoded();
        assertThat(refusalReason(SamlFlows.post(attacker, strict, wrapped))).isEqualTo("IDP_INITIATED_NOT_ALLOWED");
        assertThat(signedIn(attacker)).isFalse();
    }

    @Test
    void tokenEncryptionUsesTheSeparateEncryptionKeyAndOnlyAllowedAlgorithms() {
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of("allowIdpInitiated", true));
        Map<String, X509Certificate> created = metadataKeys(tenant);
        assertThat(created).containsOnlyKeys("signing", "encryption");
        assertThat(created.get("encryption").getPublicKey()).as("two different key pairs").isNotEqualTo(created.get("signing").getPublicKey());

        // a tenant from before separate keys (only its signing pair) gets an encryption pair on first use
        try (Connection c = TestDatabase.connection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM sp_key_pair WHERE key_use = 'ENCRYPTION' AND tenant_id = (SELECT id FROM tenant WHERE slug = ?)")) {
            s.setString(1, tenant.slug());
            assertThat(s.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // Removed behind the application's back (no access-change signal), as an install from before separate keys
        // looks: seen once the remembered SAML configuration reaches its 10-second backstop.
        Map<String, X509Certificate> byUse = metadataKeys(tenant);
        for (long until = System.nanoTime() + 15_000_000_000L;
             created.get("encryption").equals(byUse.get("encryption")) && System.nanoTime() < until; ) {
            sleep(500);
            byUse = metadataKeys(tenant);
        }
        X509Certificate signing = byUse.get("signing");
        X509Certificate encryption = byUse.get("encryption");
        assertThat(signing).isEqualTo(created.get("signing"));
        assertThat(encryption).isNotNull().isNotEqualTo(created.get("encryption"));
        assertThat(encryption.getPublicKey()).isNotEqualTo(signing.getPublicKey());
        assertThat(metadataKeys(tenant).get("encryption")).as("created once").isEqualTo(encryption);

        assertThat(idpInitiated(tenant, SamlFlows.response(tenant, null).set(r -> r.encryptFor = encryption).encoded()).statusCode())
                .as("RSA-OAEP + AES-GCM to the encryption key").isIn(302, 303);
        assertThat(refusalReason(idpInitiated(tenant, SamlFlows.response(tenant, null).set(r -> r.encryptFor = signing).encoded())))
                .as("encrypted to the signing key").isEqualTo("DECRYPTION_FAILED");
        assertThat(refusalReason(idpInitiated(tenant, SamlFlows.response(tenant, null).set(r -> {
            r.encryptFor = encryption;
            r.keyTransport = XMLCipher.RSA_v1dot5;
        }).encoded()))).as("RSA-1_5").isEqualTo("WEAK_ALGORITHM");
        String entraCbc = "AES-256-CBC, as Entra encrypts";
        assertThat(refusalReason(idpInitiated(tenant, SamlFlows.response(tenant, null).set(r -> {
            r.encryptFor = encryption;
            r.contentEncryption = XMLCipher.AES_256;
        }).encoded()))).as(entraCbc + ", without the opt-in").isEqualTo("WEAK_ALGORITHM");

        String base = "/api/v1/tenants/" + tenant.slug() + "/sso";
        Answer before = operator.get(base);
        assertThat(before.json().get("allowAesCbc").asBoolean()).isFalse();
        Map<String, Object> settings = new LinkedHashMap<>(body("enabled", true, "mode", "AUTHENTICATION_AND_PERMISSIONS",
                "scope", "BOTH", "loginEndpoint", "https://login.microsoftonline.com/" + EntraIdp.TENANT + "/saml2",
                "clientId", tenant.clientId(), "certificates", List.of(Pem.encodeCertificate(EntraIdp.IDP.certificate())),
                "allowIdpInitiated", true, "allowAesCbc", true, "version", before.json().get("version").asLong()));
        Answer optedIn = operator.put(base, settings);
        assertThat(optedIn.status()).as(optedIn.toString()).isEqualTo(200);
        assertThat(optedIn.json().get("allowAesCbc").asBoolean()).isTrue();
        assertThat(query("SELECT e.outcome || ':' || COALESCE(e.detail, '') FROM audit_event e JOIN tenant t ON t.id = e.tenant_id WHERE t.slug = ?"
                + " AND e.type = 'SSO_SETTINGS_CHANGED'", tenant.slug())).anyMatch(a -> a.startsWith("WARNING:") && a.contains("AES-CBC"));
        assertThat(idpInitiated(tenant, SamlFlows.response(tenant, null).set(r -> {
            r.encryptFor = encryption;
            r.contentEncryption = XMLCipher.AES_256;
        }).encoded()).statusCode()).as(entraCbc + ", with the opt-in").isIn(302, 303);
        assertThat(refusalReason(idpInitiated(tenant, SamlFlows.response(tenant, null).set(r -> {
            r.encryptFor = encryption;
            r.contentEncryption = XMLCipher.AES_256;
            r.keyTransport = XMLCipher.RSA_v1dot5;
        }).encoded()))).as("RSA-1_5 never, even with the opt-in").isEqualTo("WEAK_ALGORITHM");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
