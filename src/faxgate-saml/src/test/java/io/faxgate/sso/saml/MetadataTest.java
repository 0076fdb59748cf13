package io.faxgate.sso.saml;

import io.faxgate.formats.Pem;
import java.util.List;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static io.faxgate.sso.saml.fixture.EntraIdp.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataTest extends EngineTestBase {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private static String metadata() {
        return engine.spMetadata(SpMetadataSpec.builder().entityId(SP_ENTITY_ID).acsUrl(ACS).sloUrl(SLO).credentials(SP)
                .encryptionCertificate(SP_ENCRYPTION.certificate()).build());
    }

    private static boolean verifies(Document doc, java.security.PublicKey key) throws Exception {
        Element root = doc.getDocumentElement();
        root.setIdAttributeNS(null, "ID", true);
        Element sig = (Element) doc.getElementsByTagNameNS(DS, "Signature").item(0);
        assertThat(sig.getParentNode()).isSameAs(root);
        DOMValidateContext ctx = new DOMValidateContext(key, sig);
        XMLSignature s = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
        assertThat(s.getSignedInfo().getSignatureMethod().getAlgorithm()).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(((javax.xml.crypto.dsig.Reference) s.getSignedInfo().getReferences().get(0)).getURI()).isEqualTo("#" + root.getAttribute("ID"));
        return s.validate(ctx);
    }

    @Test
    void parsesAndContainsAcsSloAndKeys() throws Exception {
        Document doc = parse(metadata());
        Element ed = doc.getDocumentElement();
        assertThat(ed.getNamespaceURI()).isEqualTo(MD);
        assertThat(ed.getLocalName()).isEqualTo("EntityDescriptor");
        assertThat(ed.getAttribute("entityID")).isEqualTo(SP_ENTITY_ID);

        Element sp = (Element) doc.getElementsByTagNameNS(MD, "SPSSODescriptor").item(0);
        assertThat(sp.getAttribute("protocolSupportEnumeration")).contains("urn:oasis:names:tc:SAML:2.0:protocol");
        assertThat(sp.getAttribute("AuthnRequestsSigned")).isEqualTo("true");
        assertThat(sp.getAttribute("WantAssertionsSigned")).isEqualTo("true");

        Element acs = (Element) doc.getElementsByTagNameNS(MD, "AssertionConsumerService").item(0);
        assertThat(acs.getAttribute("Binding")).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(acs.getAttribute("Location")).isEqualTo(ACS);
        Element slo = (Element) doc.getElementsByTagNameNS(MD, "SingleLogoutService").item(0);
        assertThat(slo.getAttribute("Binding")).isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect");
        assertThat(slo.getAttribute("Location")).isEqualTo(SLO);

        List<Element> keys = elements(doc, MD, "KeyDescriptor");
        assertThat(keys).extracting(k -> k.getAttribute("use")).containsExactlyInAnyOrder("signing", "encryption");
        for (Element k : keys) {
            String b64 = k.getElementsByTagNameNS(DS, "X509Certificate").item(0).getTextContent();
            assertThat(Pem.parseCertificate(b64)).as(k.getAttribute("use"))
                    .isEqualTo(k.getAttribute("use").equals("signing") ? SP.certificate() : SP_ENCRYPTION.certificate());
        }
    }

    @Test
    void separateKeysForSigningAndEncryption() {
        assertThatThrownBy(() -> SpMetadataSpec.builder().entityId(SP_ENTITY_ID).acsUrl(ACS).credentials(SP)
                .encryptionCertificate(SP.certificate()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encryption key must not be the signing key");
    }

    @Test
    void withoutAnEncryptionKeyNoEncryptionDescriptorIsPublished() {
        Document doc = parse(engine.spMetadata(SpMetadataSpec.builder().entityId(SP_ENTITY_ID).acsUrl(ACS).credentials(SP).build()));
        assertThat(elements(doc, MD, "KeyDescriptor")).extracting(k -> k.getAttribute("use")).containsExactly("signing");
    }

    @Test
    void signatureVerifiesWithTheSpCertificateOnly() throws Exception {
        String xml = metadata();
        assertThat(verifies(parse(xml), SP.certificate().getPublicKey())).isTrue();
        assertThat(verifies(parse(xml), SP_OTHER.certificate().getPublicKey())).isFalse();
        assertThat(verifies(parse(xml.replace(ACS, "https://evil.example/acs")), SP.certificate().getPublicKey())).isFalse();
    }

    @Test
    void withoutSloAndUnsignedRequests() {
        Document doc = parse(engine.spMetadata(SpMetadataSpec.builder().entityId(SP_ENTITY_ID).acsUrl(ACS).credentials(SP)
                .authnRequestsSigned(false).build()));
        assertThat(doc.getElementsByTagNameNS(MD, "SingleLogoutService").getLength()).isZero();
        assertThat(((Element) doc.getElementsByTagNameNS(MD, "SPSSODescriptor").item(0)).getAttribute("AuthnRequestsSigned")).isEqualTo("false");
    }
}
