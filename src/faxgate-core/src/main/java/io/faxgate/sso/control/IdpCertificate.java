package io.faxgate.sso.control;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An IdP signing certificate as an admin pastes it: with or without the PEM armour, with any line breaks and
 * spaces (Entra's "Certificate (Base64)" download has armour; copying from the portal often has none).
 */
public final class IdpCertificate {

    private static final Pattern ARMOUR = Pattern.compile("-----(BEGIN|END) CERTIFICATE-----");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final X509Certificate certificate;

    private IdpCertificate(X509Certificate certificate) {
        this.certificate = certificate;
    }

    /** @throws IllegalArgumentException with a message fit for the admin when the text is no X.509 certificate */
    public static IdpCertificate parse(String pasted) {
        if (pasted == null || pasted.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        String body = WHITESPACE.matcher(ARMOUR.matcher(pasted).replaceAll("")).replaceAll("");
        if (body.contains("-----")) {
            throw new IllegalArgumentException("is not a certificate (found a different PEM block; paste the certificate, never a private key)");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not Base64; paste the certificate as Entra shows it (Certificate (Base64))");
        }
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new IdpCertificate(cert);
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("is not an X.509 certificate");
        }
    }

    public X509Certificate x509() {
        return certificate;
    }

    /** Canonical PEM with armour and 64-character lines, as stored. */
    public String pem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** SHA-1 thumbprint in upper-case hex: the value Entra's portal shows next to the certificate. */
    public String thumbprintSha1() {
        return digest("SHA-1");
    }

    public String thumbprintSha256() {
        return digest("SHA-256");
    }

    public int keySizeBits() {
        return certificate.getPublicKey() instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 0;
    }

    private String digest(String algorithm) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
