package io.faxgate.sso.control;

import io.faxgate.formats.Pem;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates in PEM, as an IdP's signing certificate is pasted. */
final class TestCertificates {

    private TestCertificates() {
    }

    static String pem(int keyBits, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(keyBits);
            KeyPair pair = generator.generateKeyPair();
            X500Principal subject = new X500Principal("CN=Test IdP " + keyBits);
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter), subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return Pem.encodeCertificate(cert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
