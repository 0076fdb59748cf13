package io.faxgate.sso.saml;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static io.faxgate.sso.saml.fixture.EntraIdp.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleLogoutTest extends EngineTestBase {

    private static final String P = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String A = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String LOGOUT_ID = "ID_logout-1";
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private static LogoutExpectations.Builder expect() {
        return LogoutExpectations.builder().expectedIssuer(ISSUER).sloUrl(SLO).trustedCertificates(List.of(IDP.certificate()))
                .clock(CLOCK).outstandingRequestIds(Set.of(LOGOUT_ID));
    }

    private static String logoutResponseXml(String issuer, String destination, String inResponseTo, String status) {
        return "<samlp:LogoutResponse xmlns:samlp=\"" + P + "\" ID=\"_lr1\" Version=\"2.0\" IssueInstant=\"" + NOW + "\""
                + (destination == null ? "" : " Destination=\"" + destination + "\"") + " InResponseTo=\"" + inResponseTo + "\">"
                + "<Issuer xmlns=\"" + A + "\">" + issuer + "</Issuer>"
                + "<samlp:Status><samlp:StatusCode Value=\"" + status + "\"/></samlp:Status></samlp:LogoutResponse>";
    }

    private static String logoutRequestXml(String id, String issuer, String notOnOrAfter) {
        return "<samlp:LogoutRequest xmlns:samlp=\"" + P + "\" ID=\"" + id + "\" Version=\"2.0\" IssueInstant=\"" + NOW + "\""
                + " Destination=\"" + SLO + "\"" + (notOnOrAfter == null ? "" : " NotOnOrAfter=\"" + notOnOrAfter + "\"") + ">"
                + "<Issuer xmlns=\"" + A + "\">" + issuer + "</Issuer>"
                + "<NameID xmlns=\"" + A + "\" Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\">" + EMAIL + "</NameID>"
                + "<samlp:SessionIndex>_sess-1</samlp:SessionIndex></samlp:LogoutRequest>";
    }

    /** What Entra sends back on the HTTP-Redirect binding, signed over the query with {@code key}. */
    private static String redirectQuery(String param, String xml, String relayState, SpCredentials key) throws Exception {
        String q = param + "=" + URLEncoder.encode(deflateBase64(xml), StandardCharsets.UTF_8);
        if (relayState != null) {
            q += "&RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8);
        }
        if (key == null) {
            return q;
        }
        q += "&SigAlg=" + URLEncoder.encode(RSA_SHA256, StandardCharsets.UTF_8);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key.privateKey());
        s.update(q.getBytes(StandardCharsets.UTF_8));
        return q + "&Signature=" + URLEncoder.encode(Base64.getEncoder().encodeToString(s.sign()), StandardCharsets.UTF_8);
    }

    private static void refusedLogout(ThrowingRunnable r, SamlFailure reason) {
        assertThatThrownBy(r::run).isInstanceOf(SamlValidationException.class)
                .satisfies(e -> assertThat(((SamlValidationException) e).reason()).as(e.getMessage()).isEqualTo(reason));
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    // ------------------------------------------------------------ outgoing

    @Test
    void signedLogoutRequestForTheSignIn() throws Exception {
        SamlRedirect r = engine.logoutRequest(LogoutRequestSpec.builder().spEntityId(SP_ENTITY_ID).idpSloUrl(LOGIN_URL)
                .nameId(EMAIL).nameIdFormat("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress").sessionIndex("_sess-1")
                .signWith(SP).relayState("bye").build());
        assertThat(RedirectUrls.signatureVerifies(r.url(), "SAMLRequest", SP.certificate().getPublicKey())).isTrue();
        Document doc = RedirectUrls.inflatedXml(r.url(), "SAMLRequest");
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("LogoutRequest");
        assertThat(root.getAttribute("ID")).isEqualTo(r.messageId());
        assertThat(root.getAttribute("Destination")).isEqualTo(LOGIN_URL);
        assertThat(doc.getElementsByTagNameNS(A, "Issuer").item(0).getTextContent()).isEqualTo(SP_ENTITY_ID);
        Element nameId = (Element) doc.getElementsByTagNameNS(A, "NameID").item(0);
        assertThat(nameId.getTextContent()).isEqualTo(EMAIL);
        assertThat(nameId.getAttribute("Format")).isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        assertThat(doc.getElementsByTagNameNS(P, "SessionIndex").item(0).getTextContent()).isEqualTo("_sess-1");
    }

    @Test
    void logoutResponseToTheIdp() throws Exception {
        SamlRedirect r = engine.logoutResponse(LogoutResponseSpec.builder().spEntityId(SP_ENTITY_ID).idpSloUrl(LOGIN_URL)
                .inResponseTo("_idp-req-9").signWith(SP).build());
        assertThat(RedirectUrls.signatureVerifies(r.url(), "SAMLResponse", SP.certificate().getPublicKey())).isTrue();
        Document doc = RedirectUrls.inflatedXml(r.url(), "SAMLResponse");
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("LogoutResponse");
        assertThat(doc.getDocumentElement().getAttribute("InResponseTo")).isEqualTo("_idp-req-9");
        assertThat(((Element) doc.getElementsByTagNameNS(P, "StatusCode").item(0)).getAttribute("Value"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Success");

        SamlRedirect failed = engine.logoutResponse(LogoutResponseSpec.builder().spEntityId(SP_ENTITY_ID).idpSloUrl(LOGIN_URL)
                .inResponseTo("_idp-req-9").success(false).build());
        Document f = RedirectUrls.inflatedXml(failed.url(), "SAMLResponse");
        assertThat(((Element) f.getElementsByTagNameNS(P, "StatusCode").item(0)).getAttribute("Value"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Responder");
    }

    // ------------------------------------------------------------ incoming LogoutResponse

    @Test
    void signedRedirectLogoutResponseIsAccepted() throws Exception {
        String q = redirectQuery("SAMLResponse", logoutResponseXml(ISSUER, SLO, LOGOUT_ID, "urn:oasis:names:tc:SAML:2.0:status:Success"),
                "/after/logout", IDP);
        ValidatedLogoutResponse r = engine.validateLogoutResponse(IncomingSamlMessage.redirect(q), expect().build());
        assertThat(r.success()).isTrue();
        assertThat(r.signed()).isTrue();
        assertThat(r.inResponseTo()).isEqualTo(LOGOUT_ID);
        assertThat(r.relayState()).isEqualTo("/after/logout");
    }

    @Test
    void partialLogoutIsReportedNotThrown() throws Exception {
        String q = redirectQuery("SAMLResponse", logoutResponseXml(ISSUER, SLO, LOGOUT_ID, "urn:oasis:names:tc:SAML:2.0:status:Responder"),
                null, IDP);
        ValidatedLogoutResponse r = engine.validateLogoutResponse(IncomingSamlMessage.redirect(q), expect().build());
        assertThat(r.success()).isFalse();
        assertThat(r.statusCode()).endsWith("Responder");
    }

    @Test
    void unsignedLogoutResponseRefusedUnlessAllowed() throws Exception {
        String q = redirectQuery("SAMLResponse", logoutResponseXml(ISSUER, SLO, LOGOUT_ID, "urn:oasis:names:tc:SAML:2.0:status:Success"), null, null);
        refusedLogout(() -> engine.validateLogoutResponse(IncomingSamlMessage.redirect(q), expect().build()), SamlFailure.SIGNATURE_MISSING);
        assertThat(engine.validateLogoutResponse(IncomingSamlMessage.redirect(q), expect().requireSignature(false).build()).signed()).isFalse();
    }

    @Test
    void logoutResponseSignedByAnotherKey() throws Exception {
        String q = redirectQuery("SAMLResponse", logoutResponseXml(ISSUER, SLO, LOGOUT_ID, "urn:oasis:names:tc:SAML:2.0:status:Success"), null, ATTACKER);
        refusedLogout(() -> engine.validateLogoutResponse(IncomingSamlMessage.redirect(q), expect().requireSignature(false).build()),
                SamlFailure.SIGNATURE_INVALID);
    }

    @Test
    void logoutResponseWithTamperedRelayState() throws Exception {
        String q = redirectQuery("SAMLResponse", logoutResponseXml(ISSUER, SLO, LOGOUT_ID, "urn:oasis:names:tc:SAML:2.0:status:Success"),
                "/ok", IDP).replace("RelayState=%2Fok", "RelayState=https%3A%2F%2Fevil.example");
        refusedLogout(() -> engine.validateLogoutResponse(IncomingSamlMessage.redirect(q), expect().build()), SamlFailure.SIGNATURE_INVALID);
    }

    @Test
    void logoutResponseWrongIssuerDestinationOrRequestId() throws Exception {
        String wrongIssuer = redirectQuery("SAMLResponse", logoutResponseXml("https://evil.example/", SLO, LOGOUT_ID,
                "urn:oasis:names:tc:SAML:2.0:status:Success"), null, IDP);
        refusedLogout(() -> engine.validateLogoutResponse(IncomingSamlMessage.redirect(wrongIssuer), expect().build()), SamlFailure.ISSUER_MISMATCH);
        String wrongDest = redirectQuery("SAMLResponse", logoutResponseXml(ISSUER, "https://faxgate.example.com/sso/other/slo", LOGOUT_ID,
                "urn:oasis:names:tc:SAML:2.0:status:Success"), null, IDP);
        refusedLogout(() -> engine.validateLogoutResponse(IncomingSamlMessage.redirect(wrongDest), expect().build()), SamlFailure.DESTINATION_MISMATCH);
        String unknown = redirectQuery("SAMLResponse", logoutResponseXml(ISSUER, SLO, "ID_unknown",
                "urn:oasis:names:tc:SAML:2.0:status:Success"), null, IDP);
        refusedLogout(() -> engine.validateLogoutResponse(IncomingSamlMessage.redirect(unknown), expect().build()), SamlFailure.IN_RESPONSE_TO_UNKNOWN);
    }

    @Test
    void sha1RedirectSignatureRefused() throws Exception {
        String q = redirectQuery("SAMLResponse", logoutResponseXml(ISSUER, SLO, LOGOUT_ID, "urn:oasis:names:tc:SAML:2.0:status:Success"), null, IDP)
                .replace(URLEncoder.encode(RSA_SHA256, StandardCharsets.UTF_8),
                        URLEncoder.encode("http://www.w3.org/2000/09/xmldsig#rsa-sha1", StandardCharsets.UTF_8));
        refusedLogout(() -> engine.validateLogoutResponse(IncomingSamlMessage.redirect(q), expect().build()), SamlFailure.WEAK_ALGORITHM);
    }

    @Test
    void deflateBombIsBounded() throws Exception {
        String huge = logoutResponseXml(ISSUER, SLO, LOGOUT_ID, "urn:oasis:names:tc:SAML:2.0:status:Success")
                .replace("</samlp:LogoutResponse>", "<!--" + " ".repeat(5_000_000) + "--></samlp:LogoutResponse>");
        String q = redirectQuery("SAMLResponse", huge, null, null);
        assertThat(q.length()).isLessThan(100_000);
        refusedLogout(() -> engine.validateLogoutResponse(IncomingSamlMessage.redirect(q), expect().build()), SamlFailure.TOO_LARGE);
    }

    // ------------------------------------------------------------ incoming IdP-initiated LogoutRequest

    @Test
    void idpInitiatedLogoutRequestPostEnvelopedSignature() throws Exception {
        Document doc = parse(logoutRequestXml("_idp-lr-1", ISSUER, NOW.plusSeconds(300).toString()));
        sign(doc.getDocumentElement(), firstChildAfterIssuer(doc.getDocumentElement()), IDP, IDP.certificate(), false, false);
        ValidatedLogoutRequest r = engine.validateLogoutRequest(IncomingSamlMessage.post(encode(doc), "rs"), expect().build());
        assertThat(r.id()).isEqualTo("_idp-lr-1");
        assertThat(r.nameId()).isEqualTo(EMAIL);
        assertThat(r.sessionIndexes()).containsExactly("_sess-1");
        assertThat(r.signed()).isTrue();
        assertThat(r.relayState()).isEqualTo("rs");
    }

    @Test
    void idpInitiatedLogoutRequestRedirectSigned() throws Exception {
        String q = redirectQuery("SAMLRequest", logoutRequestXml("_idp-lr-2", ISSUER, null), null, IDP);
        ValidatedLogoutRequest r = engine.validateLogoutRequest(IncomingSamlMessage.redirect(q), expect().build());
        assertThat(r.nameId()).isEqualTo(EMAIL);
    }

    @Test
    void forgedLogoutRequestIsRefused() throws Exception {
        Document doc = parse(logoutRequestXml("_idp-lr-3", ISSUER, null));
        sign(doc.getDocumentElement(), firstChildAfterIssuer(doc.getDocumentElement()), ATTACKER, IDP.certificate(), false, false);
        refusedLogout(() -> engine.validateLogoutRequest(IncomingSamlMessage.post(encode(doc), null), expect().build()),
                SamlFailure.SIGNATURE_INVALID);
        Document unsigned = parse(logoutRequestXml("_idp-lr-4", ISSUER, null));
        refusedLogout(() -> engine.validateLogoutRequest(IncomingSamlMessage.post(encode(unsigned), null), expect().build()),
                SamlFailure.SIGNATURE_MISSING);
    }

    @Test
    void expiredLogoutRequest() throws Exception {
        String q = redirectQuery("SAMLRequest", logoutRequestXml("_idp-lr-5", ISSUER, NOW.minus(Duration.ofMinutes(10)).toString()), null, IDP);
        refusedLogout(() -> engine.validateLogoutRequest(IncomingSamlMessage.redirect(q), expect().build()), SamlFailure.EXPIRED);
        Clock early = Clock.fixed(NOW.minus(Duration.ofMinutes(20)), ZoneOffset.UTC);
        assertThat(engine.validateLogoutRequest(IncomingSamlMessage.redirect(q), expect().clock(early).build()).id()).isEqualTo("_idp-lr-5");
    }

    @Test
    void logoutRequestWithDoctypeIsRefused() {
        String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + logoutRequestXml("_x", ISSUER, null).replace(EMAIL, "&e;");
        refusedLogout(() -> engine.validateLogoutRequest(IncomingSamlMessage.post(b64(xml), null), expect().build()), SamlFailure.DTD_FORBIDDEN);
    }
}
