package io.faxgate.sso.saml;

import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SP key pairs and their self-signed certificates (PEM text: faxgate-formats' PemTest). */
class SpKeysTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final SpCredentials KEY = SpKeys.generate("faxgate-sp.acme", 2048, Duration.ofDays(730), T0);

    @Test
    void generatesASelfSignedCertificateForTheKey() throws Exception {
        var cert = KEY.certificate();
        assertThat(((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=faxgate-sp.acme");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
        assertThat(cert.getVersion()).isEqualTo(3);
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(T0);
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(T0.plus(Duration.ofDays(730)));
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getKeyUsage()[0]).isTrue();  // digitalSignature
        assertThat(cert.getKeyUsage()[2]).isTrue();  // keyEncipherment
        cert.verify(cert.getPublicKey());
        cert.checkValidity(Date.from(T0.plus(Duration.ofDays(1))));

        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(KEY.privateKey());
        s.update(new byte[]{1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(cert);
        s.update(new byte[]{1, 2, 3});
        assertThat(s.verify(sig)).as("private key matches certificate").isTrue();
    }

    @Test
    void rsa3072AndLongValidityPast2050() {
        SpCredentials k = SpKeys.generate("long", 3072, Duration.ofDays(365 * 30), T0);
        assertThat(((RSAPublicKey) k.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(k.certificate().getNotAfter().toInstant()).isAfter(Instant.parse("2050-01-01T00:00:00Z"));
    }

    @Test
    void refusesSmallKeys() {
        assertThatThrownBy(() -> SpKeys.generate("x", 1024, Duration.ofDays(1), T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spCredentialsRefuseMismatchedAlgorithms() throws Exception {
        var ec = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
        assertThatThrownBy(() -> new SpCredentials(ec.getPrivate(), KEY.certificate())).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(KEY)).isNotEmpty();
    }
}
