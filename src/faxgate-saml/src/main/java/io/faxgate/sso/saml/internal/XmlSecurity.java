package io.faxgate.sso.saml.internal;

import io.faxgate.sso.saml.SamlValidationException;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The cryptographic primitives an engine supplies to the engine-independent rules ({@link ResponseValidation},
 * {@link LogoutValidation}). Implementations only do the crypto; every decision about what must be signed is made
 * by the caller.
 */
public interface XmlSecurity {

    /**
     * Verifies an XML signature with the trusted certificates' public keys only (KeyInfo in the message is ignored).
     *
     * @param sha1Allowed the caller already decided that a SHA-1 signature/digest is acceptable here
     * @return the nodes the verified signature's references point to (the first node of each dereferenced node set)
     * @throws SamlValidationException SIGNATURE_INVALID when no trusted key verifies it
     */
    Set<Node> verify(Element signature, List<X509Certificate> trusted, boolean sha1Allowed) throws SamlValidationException;

    /**
     * Decrypts an {@code EncryptedAssertion}.
     *
     * @return the plaintext Assertion element (in any document)
     * @throws SamlValidationException DECRYPTION_FAILED
     */
    Element decryptAssertion(Element encryptedAssertion, PrivateKey key) throws SamlValidationException;

    /** Verifies an HTTP-Redirect binding query signature over {@code signedOctets} with the trusted keys only. */
    boolean verifyRedirectSignature(String sigAlgUri, byte[] signedOctets, byte[] signature, List<X509Certificate> trusted);
}
