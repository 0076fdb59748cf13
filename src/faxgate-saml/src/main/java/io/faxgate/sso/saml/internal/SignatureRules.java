package io.faxgate.sso.saml.internal;

import io.faxgate.sso.saml.SamlFailure;
import io.faxgate.sso.saml.SamlValidationException;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a signature must look like before its crypto is even tried, and what it must cover after. Internal.
 * <ul>
 * <li>one SignedInfo with exactly one Reference whose URI is {@code #<ID of the element it is enveloped in>}</li>
 * <li>transforms only enveloped-signature and (exclusive) c14n without comments; no XPath/XSLT</li>
 * <li>signature and digest algorithm SHA-256 or stronger; SHA-1 only when allowed</li>
 * <li>after verification the referenced node must be that very element (object identity)</li>
 * </ul>
 */
public final class SignatureRules {

    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    public static final String C14N11 = "http://www.w3.org/2006/12/xml-c14n11";

    /** Strong signature algorithms, value = uses SHA-1. */
    private static final Map<String, Boolean> SIGNATURE_ALGORITHMS = Map.of(
            RSA_SHA256, false,
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", false,
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", false,
            "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", false,
            "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1", false,
            RSA_SHA1, true);

    private static final Map<String, Boolean> DIGEST_ALGORITHMS = Map.of(
            SHA256, false,
            "http://www.w3.org/2001/04/xmldsig-more#sha384", false,
            "http://www.w3.org/2001/04/xmlenc#sha512", false,
            SHA1, true);

    private static final Set<String> C14N_ALGORITHMS = Set.of(EXC_C14N, C14N, C14N11);
    private static final Set<String> TRANSFORMS = Set.of(ENVELOPED, EXC_C14N, C14N, C14N11);

    private SignatureRules() {
    }

    /** True when the (allowed) signature algorithm is a SHA-1 one, so the engine must accept SHA-1. */
    public static boolean isSha1SignatureAlgorithm(String uri) {
        return Boolean.TRUE.equals(SIGNATURE_ALGORITHMS.get(uri));
    }

    /** Checks an HTTP-Redirect SigAlg parameter. */
    public static void checkSignatureAlgorithm(String uri, boolean allowSha1) throws SamlValidationException {
        Boolean sha1 = SIGNATURE_ALGORITHMS.get(uri);
        if (sha1 == null || (sha1 && !allowSha1)) {
            throw new SamlValidationException(SamlFailure.WEAK_ALGORITHM, "signature algorithm not allowed: " + uri);
        }
    }

    /**
     * Verifies that {@code signature} (a direct child of {@code signedElement}) is well-formed per the rules above,
     * lets the engine do the crypto, and checks that it covers exactly {@code signedElement}.
     *
     * @return the trusted certificate whose key verified it (with two trusted, the one that verifies alone)
     */
    public static X509Certificate verifyEnveloped(Element signedElement, Element signature, List<X509Certificate> trusted,
                                       boolean allowSha1, XmlSecurity xmlSecurity) throws SamlValidationException {
        if (signature.getParentNode() != signedElement) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_WRAPPING, "signature is not enveloped in " + signedElement.getLocalName());
        }
        String id = Dom.attr(signedElement, "ID");
        if (id == null || id.isBlank()) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_WRAPPING, signedElement.getLocalName() + " has no ID");
        }
        Element signedInfo = Dom.requiredChild(signature, Saml.DSIG_NS, "SignedInfo", SamlFailure.SIGNATURE_INVALID);
        Element c14n = Dom.requiredChild(signedInfo, Saml.DSIG_NS, "CanonicalizationMethod", SamlFailure.SIGNATURE_INVALID);
        if (!C14N_ALGORITHMS.contains(Dom.attr(c14n, "Algorithm"))) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_INVALID, "canonicalization not allowed: " + Dom.attr(c14n, "Algorithm"));
        }
        Element sigMethod = Dom.requiredChild(signedInfo, Saml.DSIG_NS, "SignatureMethod", SamlFailure.SIGNATURE_INVALID);
        String sigAlg = Dom.attr(sigMethod, "Algorithm");
        checkSignatureAlgorithm(sigAlg, allowSha1);
        boolean sha1 = Boolean.TRUE.equals(SIGNATURE_ALGORITHMS.get(sigAlg));

        List<Element> refs = Dom.children(signedInfo, Saml.DSIG_NS, "Reference");
        if (refs.size() != 1) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_WRAPPING, "signature must have exactly one Reference, has " + refs.size());
        }
        Element ref = refs.get(0);
        String uri = Dom.attr(ref, "URI");
        if (!("#" + id).equals(uri)) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_WRAPPING,
                    "signature Reference " + uri + " does not point to the enclosing " + signedElement.getLocalName() + " #" + id);
        }
        Element transforms = Dom.optionalChild(ref, Saml.DSIG_NS, "Transforms");
        boolean enveloped = false;
        if (transforms != null) {
            for (Element t : Dom.childElements(transforms)) {
                String alg = Dom.attr(t, "Algorithm");
                if (!Dom.is(t, Saml.DSIG_NS, "Transform") || !TRANSFORMS.contains(alg)) {
                    throw new SamlValidationException(SamlFailure.SIGNATURE_INVALID, "transform not allowed: " + alg);
                }
                enveloped |= ENVELOPED.equals(alg);
            }
        }
        if (!enveloped) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_INVALID, "signature is not an enveloped-signature");
        }
        Element digestMethod = Dom.requiredChild(ref, Saml.DSIG_NS, "DigestMethod", SamlFailure.SIGNATURE_INVALID);
        String digestAlg = Dom.attr(digestMethod, "Algorithm");
        Boolean digestSha1 = DIGEST_ALGORITHMS.get(digestAlg);
        if (digestSha1 == null || (digestSha1 && !allowSha1)) {
            throw new SamlValidationException(SamlFailure.WEAK_ALGORITHM, "digest algorithm not allowed: " + digestAlg);
        }
        sha1 |= digestSha1;

        Set<Node> covered = xmlSecurity.verify(signature, trusted, sha1);
        if (covered.size() != 1 || covered.iterator().next() != signedElement) {
            throw new SamlValidationException(SamlFailure.SIGNATURE_WRAPPING,
                    "verified signature does not cover the " + signedElement.getLocalName() + " that is used");
        }
        return verifier(signature, trusted, sha1, xmlSecurity);
    }

    /** Which trusted certificate verified an already verified signature: for the admin's sign-in debugger. */
    private static X509Certificate verifier(Element signature, List<X509Certificate> trusted, boolean sha1,
                                            XmlSecurity xmlSecurity) {
        if (trusted.size() == 1) {
            return trusted.get(0);
        }
        for (X509Certificate candidate : trusted) {
            try {
                xmlSecurity.verify(signature, List.of(candidate), sha1);
                return candidate;
            } catch (SamlValidationException notThisOne) {
                // the other one made it
            }
        }
        return null;
    }
}
