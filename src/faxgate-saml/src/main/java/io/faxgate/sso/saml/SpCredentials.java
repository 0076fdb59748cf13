package io.faxgate.sso.saml;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The service provider's own key pair: private key plus the certificate published in SP metadata and uploaded to the
 * IdP (for signed AuthnRequests and for token encryption). {@link #toString()} never prints the key.
 */
public final class SpCredentials {

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    public SpCredentials(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        if (!"RSA".equals(privateKey.getAlgorithm()) || !"RSA".equals(certificate.getPublicKey().getAlgorithm())) {
            throw new IllegalArgumentException("only RSA SP keys are supported");
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public KeyPair keyPair() {
        return new KeyPair(certificate.getPublicKey(), privateKey);
    }

    @Override
    public String toString() {
        return "SpCredentials[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
