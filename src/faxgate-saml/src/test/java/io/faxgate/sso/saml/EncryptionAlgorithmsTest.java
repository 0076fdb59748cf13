package io.faxgate.sso.saml;

import org.apache.xml.security.encryption.XMLCipher;
import org.junit.jupiter.api.Test;

import static io.faxgate.sso.saml.fixture.EntraIdp.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token encryption (issue 11, item 11): only RSA-OAEP key transport with AES-GCM content; AES-CBC only where the
 * tenant opted in; RSA-1_5 never; decryption only with the SP's encryption key, never its signing key.
 */
class EncryptionAlgorithmsTest extends EngineTestBase {

    private static String encrypted(String content, String transport) {
        return response().set(x -> {
            x.encryptFor = SP_ENCRYPTION.certificate();
            x.contentEncryption = content;
            x.keyTransport = transport;
        }).encoded();
    }

    @Test
    void aesGcmWithRsaOaepIsAccepted() throws Exception {
        for (String content : new String[]{XMLCipher.AES_128_GCM, XMLCipher.AES_256_GCM}) {
            for (String transport : new String[]{XMLCipher.RSA_OAEP, XMLCipher.RSA_OAEP_11}) {
                assertThat(accept(encrypted(content, transport), expectations().decryptionKey(SP_ENCRYPTION.privateKey())).nameId())
                        .as(content + " / " + transport).isEqualTo(EMAIL);
            }
        }
    }

    @Test
    void rsa15KeyTransportIsRefusedEvenWithTheCbcOptIn() {
        refused(encrypted(XMLCipher.AES_256_GCM, XMLCipher.RSA_v1dot5),
                expectations().decryptionKey(SP_ENCRYPTION.privateKey()).allowAesCbc(true), SamlFailure.WEAK_ALGORITHM);
        refused(encrypted(XMLCipher.AES_256, XMLCipher.RSA_v1dot5),
                expectations().decryptionKey(SP_ENCRYPTION.privateKey()).allowAesCbc(true), SamlFailure.WEAK_ALGORITHM);
    }

    @Test
    void aesCbcIsRefusedWithoutTheTenantsOptIn() {
        // Entra's token encryption (AES-256-CBC, RSA-OAEP)
        refused(encrypted(XMLCipher.AES_256, XMLCipher.RSA_OAEP), expectations().decryptionKey(SP_ENCRYPTION.privateKey()),
                SamlFailure.WEAK_ALGORITHM);
    }

    @Test
    void aesCbcIsAcceptedWithTheOptIn() throws Exception {
        assertThat(accept(encrypted(XMLCipher.AES_256, XMLCipher.RSA_OAEP),
                expectations().decryptionKey(SP_ENCRYPTION.privateKey()).allowAesCbc(true)).nameId()).isEqualTo(EMAIL);
    }

    @Test
    void otherContentAlgorithmsAreRefusedEvenWithTheOptIn() {
        org.w3c.dom.Document doc = response().set(x -> x.encryptFor = SP_ENCRYPTION.certificate()).document();
        org.w3c.dom.Element method = (org.w3c.dom.Element) doc.getElementsByTagNameNS("http://www.w3.org/2001/04/xmlenc#",
                "EncryptionMethod").item(0);
        assertThat(method.getParentNode().getLocalName()).isEqualTo("EncryptedData");
        method.setAttribute("Algorithm", XMLCipher.TRIPLEDES);
        refused(encode(doc), expectations().decryptionKey(SP_ENCRYPTION.privateKey()).allowAesCbc(true), SamlFailure.WEAK_ALGORITHM);
    }

    @Test
    void aMessageEncryptedToTheSigningKeyIsRefused() {
        // the signing certificate is public too; the engine is given only the encryption key
        String toSigningKey = response().set(x -> x.encryptFor = SP.certificate()).encoded();
        refused(toSigningKey, expectations().decryptionKey(SP_ENCRYPTION.privateKey()), SamlFailure.DECRYPTION_FAILED);
    }

    @Test
    void algorithmIsCheckedBeforeDecryption() {
        // refused for the algorithm even without the matching key: nothing was decrypted
        refused(encrypted(XMLCipher.AES_256_GCM, XMLCipher.RSA_v1dot5), expectations().decryptionKey(SP_OTHER.privateKey()),
                SamlFailure.WEAK_ALGORITHM);
    }
}
