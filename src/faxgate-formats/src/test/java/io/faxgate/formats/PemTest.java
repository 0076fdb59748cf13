package io.faxgate.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * What admins paste and upload, what the metadata carries, what Faxgate stores: one reader, one writer. The cases
 * come from the three places that had their own PEM code before (the core's IdpCertificate, the engine's Pem, the
 * SSO page's upload helper); their messages are the ones the SSO form shows next to the field.
 */
class PemTest {

    private static final KeyPair PAIR = rsa();
    private static final X509Certificate CERT = certificate("CN=Test IdP", PAIR);

    @Test
    void writesArmouredPemWith64CharacterLinesAndLfOnly() {
        String pem = Pem.encodeCertificate(CERT);
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("\n-----END CERTIFICATE-----\n").doesNotContain("\r");
        assertThat(pem.lines().skip(1).takeWhile(l -> !l.startsWith("-----")).limit(3)).allMatch(l -> l.length() == 64);
    }

    @Test
    void writesWhatBouncyCastlesPemWriterWrites() throws Exception {
        // SP key pairs were stored with BouncyCastle's JcaPEMWriter before: the stored text must not change
        java.io.StringWriter out = new java.io.StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(CERT);
        }
        assertThat(Pem.encodeCertificate(CERT)).isEqualTo(out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void readsWithAndWithoutArmour() {
        String pem = Pem.encodeCertificate(CERT);
        assertThat(Pem.parseCertificate(pem)).isEqualTo(CERT);
        String bare = Pem.base64Der(CERT);
        assertThat(bare).doesNotContain("\n");
        assertThat(Pem.parseCertificate(bare)).isEqualTo(CERT);
        // what admins paste: CRLF, indentation, trailing blanks, text around the armour, base64 wrapped anywhere
        assertThat(Pem.parseCertificate("Entra cert:\r\n  " + pem.replace("\n", "\r\n    ") + "   \r\n")).isEqualTo(CERT);
        assertThat(Pem.parseCertificate(bare.replaceAll("(.{64})", "$1\n  "))).isEqualTo(CERT);
        assertThat(Pem.parseCertificate(pem.replace("\n", ""))).as("armour and body on one line").isEqualTo(CERT);
    }

    @Test
    void readsAPasteThatLostOneArmourLine() {
        String pem = Pem.encodeCertificate(CERT);
        assertThat(Pem.parseCertificate(pem.replace("-----END CERTIFICATE-----", ""))).isEqualTo(CERT);
        assertThat(Pem.parseCertificate(pem.replace("-----BEGIN CERTIFICATE-----", ""))).isEqualTo(CERT);
    }

    @Test
    void twoCertificatesAreReadTogetherButNotIntoOneField() {
        X509Certificate other = certificate("CN=Next IdP", rsa());
        String both = Pem.encodeCertificate(CERT) + "\n" + Pem.encodeCertificate(other);
        assertThat(Pem.parseCertificates(both)).containsExactly(CERT, other);
        assertThatThrownBy(() -> Pem.parseCertificate(both)).hasMessage("contains 2 certificates; paste one certificate per field");
    }

    @Test
    void refusalsNameTheProblemForTheAdmin() {
        assertThatThrownBy(() -> Pem.parseCertificate(null)).hasMessage("is empty");
        assertThatThrownBy(() -> Pem.parseCertificate(" \n")).hasMessage("is empty");
        assertThatThrownBy(() -> Pem.parseCertificate("not base64 !!")).hasMessageStartingWith("is not Base64");
        assertThatThrownBy(() -> Pem.parseCertificate("AAAA")).hasMessage("is not an X.509 certificate");
        assertThatThrownBy(() -> Pem.parseCertificate("-----BEGIN CERTIFICATE-----\nMIIB")).hasMessage("is not an X.509 certificate");
    }

    @Test
    void aPrivateKeyPastedAsCertificateIsRefusedWithoutEchoingIt() {
        String key = Pem.encodePrivateKey(PAIR.getPrivate());
        assertThatThrownBy(() -> Pem.parseCertificate(key)).hasMessage(Pem.NOT_A_CERTIFICATE);
        assertThatThrownBy(() -> Pem.parseCertificate(key.substring(0, 200))).as("key armour without its END line")
                .hasMessage(Pem.NOT_A_CERTIFICATE);
        assertThatThrownBy(() -> Pem.parseCertificate(Pem.encodeCertificate(CERT) + key)).hasMessage(Pem.NOT_A_CERTIFICATE);
    }

    @Test
    void privateKeyRoundTrip() {
        String pem = Pem.encodePrivateKey(PAIR.getPrivate());
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Pem.parsePrivateKey(pem)).isEqualTo(PAIR.getPrivate());
        assertThatThrownBy(() -> Pem.parsePrivateKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"))
                .hasMessageContaining("pkcs8");
        assertThatThrownBy(() -> Pem.parsePrivateKey("!!")).hasMessage("private key is not valid base64");
    }

    @Test
    void derFromEntrasRawDownloadBecomesPem() {
        byte[] der = {0x30, (byte) 0x82, 0x01, 0x0a, 0x02, 0x01, 0x00, (byte) 0xff, (byte) 0xfe};
        String pem = Pem.certificateFileText(der);
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("\n-----END CERTIFICATE-----");
        assertThat(Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))).isEqualTo(der);
    }

    @Test
    void pemAndBareBase64FilesArePassedOnForTheCheck() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        assertThat(Pem.certificateFileText(pem.getBytes(StandardCharsets.US_ASCII))).isEqualTo(pem.strip());
        assertThat(Pem.certificateFileText("MIIBabc+/=\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MIIBabc+/=");
    }

    @Test
    void metadataEntriesBecomePemWith64CharacterLines() {
        String pem = Pem.armourBase64Certificate("A".repeat(136)); // 102 bytes
        assertThat(pem.lines().toList()).containsExactly("-----BEGIN CERTIFICATE-----", "A".repeat(64), "A".repeat(64),
                "AAAAAAAA", "-----END CERTIFICATE-----");
        assertThat(Pem.parseCertificate(Pem.armourBase64Certificate(Pem.base64Der(CERT)))).isEqualTo(CERT);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String subject, KeyPair pair) {
        try {
            X500Principal name = new X500Principal(subject);
            Instant now = Instant.now();
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                    Date.from(now), Date.from(now.plus(Duration.ofDays(30))), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
