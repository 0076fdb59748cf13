package io.faxgate.sso.saml;

import io.faxgate.formats.Pem;
import io.faxgate.sso.saml.internal.Der;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.security.auth.x500.X500Principal;

/**
 * Generates the SP key pair and a self-signed certificate with the JDK only (no BouncyCastle: keycloak-common's
 * CertificateUtils delegates to a CryptoProvider that needs keycloak-crypto-default + BouncyCastle).
 * SAML certificates are trust anchors pinned by the peer, so self-signed is normal (Entra does the same).
 */
public final class SpKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SpKeys() {
    }

    /** RSA 3072, SHA256withRSA, 3 years, subject {@code CN=<commonName>}. */
    public static SpCredentials generate(String commonName) {
        return generate(commonName, 3072, Duration.ofDays(3 * 365), Instant.now());
    }

    /**
     * @param rsaBits   2048 or 3072 (4096 allowed)
     * @param validity  certificate lifetime
     * @param notBefore start of validity (tests pass a fixed instant)
     */
    public static SpCredentials generate(String commonName, int rsaBits, Duration validity, Instant notBefore) {
        if (rsaBits != 2048 && rsaBits != 3072 && rsaBits != 4096) {
            throw new IllegalArgumentException("RSA key size must be 2048, 3072 or 4096");
        }
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(rsaBits, RANDOM);
            KeyPair kp = kpg.generateKeyPair();
            X500Principal subject = new X500Principal("CN=" + escapeRdn(commonName));
            X509Certificate cert = selfSigned(kp, subject, notBefore.truncatedTo(ChronoUnit.SECONDS),
                    notBefore.plus(validity).truncatedTo(ChronoUnit.SECONDS));
            return new SpCredentials(kp.getPrivate(), cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate SP key pair", e);
        }
    }

    /** A self-signed X.509 v3 certificate (SHA256withRSA) for {@code keyPair}, built with a minimal DER writer. */
    public static X509Certificate selfSigned(KeyPair keyPair, X500Principal subject, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        byte[] sigAlg = Der.sequence(Der.oid("1.2.840.113549.1.1.11"), Der.nullValue());
        byte[] name = subject.getEncoded();
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.valueOf(2))),            // v3
                Der.integer(new BigInteger(127, RANDOM).add(BigInteger.ONE)),   // positive serial
                sigAlg,
                name,
                Der.sequence(Der.time(notBefore), Der.time(notAfter)),
                name,
                keyPair.getPublic().getEncoded(),                                 // SubjectPublicKeyInfo
                Der.explicit(3, Der.sequence(
                        // basicConstraints: cA FALSE (empty sequence), critical
                        Der.sequence(Der.oid("2.5.29.19"), Der.bool(true), Der.octetString(Der.sequence())),
                        // keyUsage: digitalSignature | keyEncipherment
                        Der.sequence(Der.oid("2.5.29.15"), Der.bool(true),
                                Der.octetString(Der.bitString(new byte[]{(byte) 0xA0}, 5))))));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(keyPair.getPrivate());
        s.update(tbs);
        byte[] cert = Der.sequence(tbs, sigAlg, Der.bitString(s.sign(), 0));
        X509Certificate parsed = Pem.certificateFromDer(cert);
        parsed.verify(keyPair.getPublic());
        return parsed;
    }

    private static String escapeRdn(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("commonName is blank");
        }
        return value.replaceAll("([,+\"\\\\<>;=])", "\\\\$1");
    }
}
