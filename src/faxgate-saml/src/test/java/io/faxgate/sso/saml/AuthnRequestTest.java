package io.faxgate.sso.saml;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static io.faxgate.sso.saml.fixture.EntraIdp.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthnRequestTest extends EngineTestBase {

    private static final String P = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String A = "urn:oasis:names:tc:SAML:2.0:assertion";

    private static AuthnRequestSpec.Builder spec() {
        return AuthnRequestSpec.builder().spEntityId(SP_ENTITY_ID).acsUrl(ACS).idpSsoUrl(LOGIN_URL);
    }

    @Test
    void unsignedRedirectCarriesADeflatedAuthnRequestWithoutSubject() throws Exception {
        SamlRedirect r = engine.authnRequest(spec().relayState("/console?tab=faxes&x=1").build());

        assertThat(r.url().toString()).startsWith(LOGIN_URL + "?SAMLRequest=");
        Map<String, String> p = RedirectUrls.rawParams(r.url());
        assertThat(p).containsOnlyKeys("SAMLRequest", "RelayState");
        assertThat(RedirectUrls.decode(p.get("RelayState"))).isEqualTo("/console?tab=faxes&x=1");

        Document doc = RedirectUrls.inflatedXml(r.url(), "SAMLRequest");
        Element req = doc.getDocumentElement();
        assertThat(req.getNamespaceURI()).isEqualTo(P);
        assertThat(req.getLocalName()).isEqualTo("AuthnRequest");
        assertThat(req.getAttribute("ID")).isEqualTo(r.messageId()).startsWith("ID_");
        assertThat(req.getAttribute("Version")).isEqualTo("2.0");
        assertThat(req.getAttribute("Destination")).isEqualTo(LOGIN_URL);
        assertThat(req.getAttribute("AssertionConsumerServiceURL")).isEqualTo(ACS);
        assertThat(req.getAttribute("ProtocolBinding")).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(doc.getElementsByTagNameNS(A, "Issuer").item(0).getTextContent()).isEqualTo(SP_ENTITY_ID);
        assertThat(doc.getElementsByTagNameNS(A, "Subject").getLength()).isZero();
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").getLength())
                .as("redirect binding never carries an XML signature").isZero();
        Element policy = (Element) doc.getElementsByTagNameNS(P, "NameIDPolicy").item(0);
        assertThat(policy.getAttribute("Format")).isEqualTo(NameIdFormat.UNSPECIFIED.uri());
    }

    @Test
    void signedRedirectVerifiesWithTheSpCertificateOverTheExactQuery() throws Exception {
        SamlRedirect r = engine.authnRequest(spec().signWith(SP).relayState("state-123").nameIdFormat(NameIdFormat.EMAIL).build());
        Map<String, String> p = RedirectUrls.rawParams(r.url());
        assertThat(p.keySet()).containsExactly("SAMLRequest", "RelayState", "SigAlg", "Signature");
        assertThat(RedirectUrls.decode(p.get("SigAlg"))).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(RedirectUrls.signatureVerifies(r.url(), "SAMLRequest", SP.certificate().getPublicKey())).isTrue();
        assertThat(RedirectUrls.signatureVerifies(r.url(), "SAMLRequest", SP_OTHER.certificate().getPublicKey())).isFalse();
        Document doc = RedirectUrls.inflatedXml(r.url(), "SAMLRequest");
        assertThat(doc.getElementsByTagNameNS(A, "Subject").getLength()).isZero();
        assertThat(((Element) doc.getElementsByTagNameNS(P, "NameIDPolicy").item(0)).getAttribute("Format"))
                .isEqualTo(NameIdFormat.EMAIL.uri());
    }

    @Test
    void eachRequestHasAFreshId() {
        assertThat(engine.authnRequest(spec().build()).messageId()).isNotEqualTo(engine.authnRequest(spec().build()).messageId());
    }

    @Test
    void roundTripWithTheIssuedId() throws Exception {
        SamlRedirect r = engine.authnRequest(spec().build());
        String resp = response().set(x -> {
            x.inResponseTo = r.messageId();
            x.scdInResponseTo = r.messageId();
        }).encoded();
        ValidatedAssertion a = accept(resp, expectations().outstandingRequestIds(java.util.Set.of(r.messageId())));
        assertThat(a.inResponseTo()).contains(r.messageId());
    }

    @Test
    void specRefusesMissingOrRelativeUrlsAndLongRelayState() {
        assertThatThrownBy(() -> spec().spEntityId(" ").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec().acsUrl("/sso/acs").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec().idpSsoUrl("javascript:alert(1)").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec().relayState("r".repeat(81)).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
