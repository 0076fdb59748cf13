package io.faxgate.sso.control;

import io.faxgate.formats.Pem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An IdP signing certificate as an admin pastes it: with or without the PEM armour, with any line breaks and
 * spaces (Entra's "Certificate (Base64)" download has armour; copying from the portal often has none). The text is
 * read and written by {@link Pem}, the one PEM formatter the engine and the web use too.
 */
public final class IdpCertificate {

    private final X509Certificate certificate;

    private IdpCertificate(X509Certificate certificate) {
        this.certificate = certificate;
    }

    /** @throws IllegalArgumentException with a message fit for the admin when the text is no X.509 certificate */
    public static IdpCertificate parse(String pasted) {
        return new IdpCertificate(Pem.parseCertificate(pasted));
    }

    public X509Certificate x509() {
        return certificate;
    }

    /** Canonical PEM with armour and 64-character lines, as stored. */
    public String pem() {
        return Pem.encodeCertificate(certificate);
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
