package io.faxgate.sso.saml.keycloak;

import io.faxgate.sso.saml.SamlFailure;
import io.faxgate.sso.saml.SamlValidationException;
import io.faxgate.sso.saml.internal.XmlSecurity;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.Data;
import javax.xml.crypto.NodeSetData;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import org.keycloak.saml.SignatureAlgorithm;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.util.RedirectBindingSignatureUtil;
import org.keycloak.saml.processing.core.util.XMLEncryptionUtil;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Crypto primitives done by Keycloak saml-core (and its Santuario). Runs on the engine's threads. */
final class KeycloakXmlSecurity implements XmlSecurity {

    @Override
    public Set<Node> verify(Element signature, List<X509Certificate> trusted, boolean sha1Allowed) throws SamlValidationException {
        Set<Node> covered = new HashSet<>();
        boolean ok;
        try {
            if (sha1Allowed) {
                ok = verifyAllowingSha1(signature, trusted, covered);
            } else {
                ok = XMLSignatureUtil.validateSingleNode(signature, new TrustedKeyLocator(trusted), covered);
            }
        } catch (Exception e) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_INVALID, "signature cannot be processed", e);
        }
        if (!ok) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_INVALID, "signature does not verify with a trusted IdP certificate");
        }
        return covered;
    }

    /**
     * The JDK's XML-DSig secure validation (on by default since JDK 17) refuses SHA-1, so Keycloak's check cannot be
     * used for the opted-in SHA-1 case. Same check with secure validation off: what it would still forbid is enforced
     * by {@link io.faxgate.sso.saml.internal.SignatureRules} before we get here (one Reference to the enclosing element,
     * only enveloped/c14n transforms, unique IDs, trusted RSA keys >= 2048 bits).
     */
    private static boolean verifyAllowingSha1(Element signature, List<X509Certificate> trusted, Set<Node> covered) throws Exception {
        XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
        for (X509Certificate cert : trusted) {
            DOMValidateContext ctx = new DOMValidateContext(KeySelector.singletonKeySelector(cert.getPublicKey()), signature);
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
            ctx.setProperty("org.apache.jcp.xml.dsig.secureValidation", Boolean.FALSE);
            XMLSignature sig = fac.unmarshalXMLSignature(ctx);
            if (sig.validate(ctx)) {
                for (Reference ref : sig.getSignedInfo().getReferences()) {
                    try {
                        Data data = fac.getURIDereferencer().dereference(ref, ctx);
                        if (data instanceof NodeSetData<?> nsd) {
                            Iterator<?> it = nsd.iterator();
                            if (it.hasNext()) {
                                covered.add((Node) it.next());
                            }
                        }
                    } catch (URIReferenceException e) {
                        // then nothing is covered: the caller refuses
                    }
                }
                return true;
            }
        }
        return false;
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
