package io.faxgate.sso.control;

import io.faxgate.formats.Pem;
import io.faxgate.platform.control.SecretSealer;
import io.faxgate.sso.entity.SpKeyPair;
import io.faxgate.sso.entity.SpKeyUse;
import io.faxgate.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates a tenant's SP key pairs (one for signing, one for encryption): RSA 3072 with a self-signed certificate (SAML trusts the certificate itself,
 * not a CA chain). The JDK has no public API to build certificates; BouncyCastle's is the well-kept one. The
 * certificate is stored as PEM written by {@link Pem}, like every certificate Faxgate stores.
 */
@ApplicationScoped
public class SpKeyPairIssuer {

    static final int KEY_BITS = 3072;
    static final int VALID_YEARS = 5;

    @Inject
    SecretSealer sealer;

    /** The signing key pair. */
    public SpKeyPair issue(Tenant tenant, Instant now) {
        return issue(tenant, SpKeyUse.SIGNING, now);
    }

    public SpKeyPair issue(Tenant tenant, SpKeyUse use, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            X500Principal subject = new X500Principal("CN=Faxgate SP " + tenant.getSlug()
                    + (use == SpKeyUse.ENCRYPTION ? " encryption" : "") + ", O=Faxgate");
            Instant from = now.minus(1, ChronoUnit.DAYS);
            Instant until = now.plus(VALID_YEARS * 365L, ChronoUnit.DAYS);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(128, new SecureRandom()), Date.from(from), Date.from(until), subject, pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new SpKeyPair(tenant.getId(), use, Pem.encodeCertificate(certificate), sealer.seal(pair.getPrivate().getEncoded()), now);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create SP key pair", e);
        }
    }
}
