package io.faxgate.sso.boundary;

import io.faxgate.formats.Pem;
import io.faxgate.sso.saml.SpCredentials;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/** A tenant's SAML configuration turned into the key and certificate objects the engine works with. */
final class SamlTenant {

    private final SamlTenantConfiguration configuration;
    private final List<X509Certificate> trusted;
    private final SpCredentials sp;
    private final SpCredentials encryption;
    private final java.util.Set<String> thumbprints;

    SamlTenant(SamlTenantConfiguration configuration) {
        this.configuration = configuration;
        this.trusted = configuration.idpCertificatesPem().stream().map(Pem::parseCertificate).toList();
        this.thumbprints = SamlSignInFacade.thumbprints(configuration.idpCertificatesPem());
        this.sp = credentials(configuration.slug(), configuration.spCertificatePem(), configuration.spPrivateKeyPkcs8());
        this.encryption = credentials(configuration.slug(), configuration.spEncryptionCertificatePem(),
                configuration.spEncryptionPrivateKeyPkcs8());
    }

    SamlTenantConfiguration configuration() {
        return configuration;
    }

    String slug() {
        return configuration.slug();
    }

    List<X509Certificate> trustedCertificates() {
        return trusted;
    }

    /** SHA-256 thumbprints of the trusted IdP certificates: what a session of this tenant rests on. */
    java.util.Set<String> thumbprints() {
        return thumbprints;
    }

    /** The SP signing key pair (AuthnRequests, logout messages, metadata). */
    SpCredentials sp() {
        return sp;
    }

    /** The SP encryption key pair: the only key that decrypts assertions. */
    SpCredentials encryption() {
        return encryption;
    }

    /**
     * What a response for this tenant must satisfy, without the session-bound parts (outstanding requests,
     * IdP-initiated): the same for a real sign-in and for an admin's test sign-in.
     */
    io.faxgate.sso.saml.ResponseExpectations.Builder expectations(SamlRuntime runtime) {
        return io.faxgate.sso.saml.ResponseExpectations.builder()
                .expectedIssuer(configuration.expectedIssuer())
                .audience(configuration.spEntityId())
                .acsUrl(configuration.consumeEndpoint())
                .trustedCertificates(trusted)
                .allowSha1(configuration.allowSha1())
                .clockSkew(java.time.Duration.ofSeconds(configuration.clockSkewSeconds()))
                .decryptionKey(encryption == null ? null : encryption.privateKey())
                .allowAesCbc(configuration.allowAesCbc())
                .replayCache(runtime.replayCache(configuration.slug()))
                .maxAssertionLifetime(runtime.maxAssertionLifetime());
    }

    private static SpCredentials credentials(String slug, String certificatePem, byte[] privateKeyPkcs8) {
        if (certificatePem == null || privateKeyPkcs8 == null) {
            return null;
        }
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privateKeyPkcs8));
            return new SpCredentials(key, Pem.parseCertificate(certificatePem));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SP key of tenant " + slug + " is unreadable", e);
        }
    }
}
