package io.faxgate.sso.boundary;

import io.faxgate.sso.saml.Pem;
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

    SamlTenant(SamlTenantConfiguration configuration) {
        this.configuration = configuration;
        this.trusted = configuration.idpCertificatesPem().stream().map(Pem::parseCertificate).toList();
        this.sp = spCredentials(configuration);
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

    SpCredentials sp() {
        return sp;
    }

    private static SpCredentials spCredentials(SamlTenantConfiguration c) {
        if (c.spCertificatePem() == null || c.spPrivateKeyPkcs8() == null) {
            return null;
        }
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(c.spPrivateKeyPkcs8()));
            return new SpCredentials(key, Pem.parseCertificate(c.spCertificatePem()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SP key of tenant " + c.slug() + " is unreadable", e);
        }
    }
}
