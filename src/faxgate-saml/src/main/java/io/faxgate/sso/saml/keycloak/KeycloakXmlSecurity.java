package io.faxgate.sso.saml.keycloak;

import io.faxgate.sso.saml.SamlFailure;
import io.faxgate.sso.saml.SamlValidationException;
import io.faxgate.sso.saml.internal.XmlSecurity;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.keycloak.saml.SignatureAlgorithm;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.util.RedirectBindingSignatureUtil;
import org.keycloak.saml.processing.core.util.XMLEncryptionUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Crypto primitives done by Keycloak saml-core and its Apache Santuario. Runs on the engine's threads. */
final class KeycloakXmlSecurity implements XmlSecurity {

    /**
     * Apache Santuario's own signature API (the library Keycloak brings and the JDK's XML-DSig is a copy of), with its
     * secure validation on: the signature value with each trusted key in turn, then the single Reference's digest.
     * Keycloak's check went through the JDK's JSR-105 layer, which unmarshals the whole Signature into objects and —
     * with a key locator that never answers from KeyInfo — did so twice per signature; that was ≈ 40 % of a whole
     * validation. Nothing is decided here that {@link io.faxgate.sso.saml.internal.SignatureRules} has not already
     * required of the signature's shape (one Reference to the enclosing element's ID, only enveloped and c14n
     * transforms, allowed algorithms), and the caller still insists that the node the verified Reference points to is
     * the very element it uses. KeyInfo in the message is never read. SHA-1, when the caller allowed it, goes through
     * the same path (Santuario's secure validation refuses MD5, not SHA-1; the JDK's refuses SHA-1, which is why the
     * opted-in case used to turn secure validation off altogether).
     */
    @Override
    public Set<Node> verify(Element signature, List<X509Certificate> trusted, boolean sha1Allowed) throws SamlValidationException {
        XMLSignature parsed;
        try {
            parsed = new XMLSignature(signature, "", true);
        } catch (XMLSecurityException | RuntimeException e) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_INVALID, "signature cannot be processed", e);
        }
        for (X509Certificate cert : trusted) {
            try {
                if (parsed.checkSignatureValue(cert.getPublicKey())) {
                    return covered(parsed);
                }
            } catch (XMLSecurityException | RuntimeException e) {
                // neither this key nor the references: try the next trusted key, refuse below when none verifies
            }
        }
        throw new SamlValidationException(SamlFailure.SIGNATURE_INVALID, "signature does not verify with a trusted IdP certificate");
    }

    /** The node each verified Reference points to (for the caller's check that it is the element it uses). */
    private static Set<Node> covered(XMLSignature verified) {
        Set<Node> covered = new HashSet<>();
        SignedInfo signedInfo = verified.getSignedInfo();
        for (int i = 0; i < signedInfo.getLength(); i++) {
            try {
                Node node = signedInfo.item(i).getContentsBeforeTransformation().getSubNode();
                if (node != null) {
                    covered.add(node);
                }
            } catch (XMLSecurityException | RuntimeException e) {
                // then it covers nothing: the caller refuses
            }
        }
        return covered;
    }

    @Override
    public Element decryptAssertion(Element encryptedAssertion, PrivateKey key) throws SamlValidationException {
        try {
            Document holder = DocumentUtil.createDocument();
            holder.appendChild(holder.importNode(encryptedAssertion, true));
            return XMLEncryptionUtil.decryptElementInDocument(holder, data -> List.of(key));
        } catch (Exception e) {
            throw new SamlValidationException(SamlFailure.DECRYPTION_FAILED, "EncryptedAssertion cannot be decrypted with the SP key", e);
        }
    }

    @Override
    public boolean verifyRedirectSignature(String sigAlgUri, byte[] signedOctets, byte[] signature, List<X509Certificate> trusted) {
        SignatureAlgorithm alg = SignatureAlgorithm.getFromXmlMethod(sigAlgUri);
        if (alg == null) {
            return false;
        }
        for (X509Certificate cert : trusted) {
            PublicKey k = cert.getPublicKey();
            try {
                if (RedirectBindingSignatureUtil.validateRedirectBindingSignatureForKey(alg, signedOctets, signature, k)) {
                    return true;
                }
            } catch (SignatureException | RuntimeException e) {
                // try the next trusted key
            }
        }
        return false;
    }
}
