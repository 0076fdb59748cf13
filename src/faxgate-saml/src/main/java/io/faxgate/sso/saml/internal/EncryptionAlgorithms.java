package io.faxgate.sso.saml.internal;

import io.faxgate.sso.saml.SamlFailure;
import io.faxgate.sso.saml.SamlValidationException;

import java.util.List;
import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Which XML-Enc algorithms an EncryptedAssertion may name, checked before any decryption: the decrypting library
 * uses whatever the message names. Key transport RSA-OAEP only (RSA-1_5 is open to Bleichenbacher-style padding
 * oracles), content AES-GCM; AES-CBC (open to padding-oracle attacks on XML-Enc) only where the tenant opted in.
 */
final class EncryptionAlgorithms {

    static final String XENC_NS = "http://www.w3.org/2001/04/xmlenc#";
    static final String XENC11_NS = "http://www.w3.org/2009/xmlenc11#";

    static final Set<String> KEY_TRANSPORT = Set.of(XENC_NS + "rsa-oaep-mgf1p", XENC11_NS + "rsa-oaep");
    static final Set<String> CONTENT_GCM = Set.of(XENC11_NS + "aes128-gcm", XENC11_NS + "aes192-gcm", XENC11_NS + "aes256-gcm");
    static final Set<String> CONTENT_CBC = Set.of(XENC_NS + "aes128-cbc", XENC_NS + "aes192-cbc", XENC_NS + "aes256-cbc");

    private EncryptionAlgorithms() {
    }

    /** @throws SamlValidationException WEAK_ALGORITHM for any algorithm outside the allow-list, DECRYPTION_FAILED for an odd shape */
    static void check(Element encryptedAssertion, boolean allowAesCbc) throws SamlValidationException {
        List<Element> data = Dom.children(encryptedAssertion, XENC_NS, "EncryptedData");
        if (data.size() != 1 || encryptedAssertion.getElementsByTagNameNS(XENC_NS, "EncryptedData").getLength() != 1) {
            throw new SamlValidationException(SamlFailure.DECRYPTION_FAILED, "EncryptedAssertion must hold exactly one EncryptedData");
        }
        if (encryptedAssertion.getElementsByTagNameNS(XENC_NS, "AgreementMethod").getLength() > 0) {
            throw new SamlValidationException(SamlFailure.WEAK_ALGORITHM, "key agreement is not accepted, only RSA-OAEP key transport");
        }
        String content = algorithmOf(data.get(0), "EncryptedData");
        boolean cbc = CONTENT_CBC.contains(content);
        if (!CONTENT_GCM.contains(content) && !(cbc && allowAesCbc)) {
            throw new SamlValidationException(SamlFailure.WEAK_ALGORITHM, "content encryption " + content
                    + (cbc ? " (AES-CBC) is not enabled for this tenant" : " is not accepted") + "; AES-GCM is expected");
        }
        NodeList keys = encryptedAssertion.getElementsByTagNameNS(XENC_NS, "EncryptedKey");
        if (keys.getLength() == 0) {
            throw new SamlValidationException(SamlFailure.DECRYPTION_FAILED, "EncryptedAssertion carries no EncryptedKey");
        }
        for (int i = 0; i < keys.getLength(); i++) {
            String transport = algorithmOf((Element) keys.item(i), "EncryptedKey");
            if (!KEY_TRANSPORT.contains(transport)) {
                throw new SamlValidationException(SamlFailure.WEAK_ALGORITHM, "key transport " + transport
                        + " is not accepted; RSA-OAEP is expected");
            }
        }
    }

    private static String algorithmOf(Element encrypted, String what) throws SamlValidationException {
        List<Element> methods = Dom.children(encrypted, XENC_NS, "EncryptionMethod");
        String algorithm = methods.size() == 1 ? Dom.attr(methods.get(0), "Algorithm") : null;
        if (algorithm == null || algorithm.isBlank()) {
            throw new SamlValidationException(SamlFailure.WEAK_ALGORITHM, what + " must name exactly one EncryptionMethod");
        }
        return algorithm;
    }
}
