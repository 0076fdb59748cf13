package io.faxgate.sso.saml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM/base64 encoding of certificates and keys, JDK only. Parsing is lenient about what admins paste (with or without
 * the {@code -----BEGIN CERTIFICATE-----} armour, line breaks, spaces, CRLF) and strict about the content.
 */
public final class Pem {

    private static final Pattern ARMOURED = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private Pem() {
    }

    /** One certificate, armoured or bare base64 DER. */
    public static X509Certificate parseCertificate(String text) {
        List<X509Certificate> all = parseCertificates(text);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected exactly one certificate, found " + all.size());
        }
        return all.get(0);
    }

    /** One or more armoured certificates, or a single bare base64 DER certificate. */
    public static List<X509Certificate> parseCertificates(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("certificate text is empty");
        }
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = ARMOURED.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("CERTIFICATE")) {
                throw new IllegalArgumentException("expected a CERTIFICATE, found " + m.group(1));
            }
            out.add(certificateFromDer(base64(m.group(2))));
        }
        if (out.isEmpty()) {
            if (text.contains("-----")) {
                throw new IllegalArgumentException("incomplete PEM armour (BEGIN/END lines do not match)");
            }
            out.add(certificateFromDer(base64(text)));
        }
        return out;
    }

    public static X509Certificate certificateFromDer(byte[] der) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    /** Armoured PEM, 64-character lines, LF line ends. */
    public static String encodeCertificate(X509Certificate certificate) {
        try {
            return armour("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Armoured PEM of certificate bytes not yet parsed (an uploaded DER file, a metadata entry), for the check that follows. */
    public static String armourCertificate(byte[] der) {
        return armour("CERTIFICATE", der);
    }

    /** Bare base64 DER on one line (as in ds:X509Certificate and in Entra's "Certificate (Base64)" field body). */
    public static String base64Der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 {@code -----BEGIN PRIVATE KEY-----}. Handle the result as a secret. */
    public static String encodePrivateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("key is not PKCS#8 encodable");
        }
        return armour("PRIVATE KEY", key.getEncoded());
    }

    /** PKCS#8 RSA private key ({@code -----BEGIN PRIVATE KEY-----}); PKCS#1 "RSA PRIVATE KEY" is refused with a hint. */
    public static PrivateKey parsePrivateKey(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("private key text is empty");
        }
        Matcher m = ARMOURED.matcher(text);
        byte[] der;
        if (m.find()) {
            if (m.group(1).equals("RSA PRIVATE KEY")) {
                throw new IllegalArgumentException("PKCS#1 key: convert with `openssl pkcs8 -topk8 -nocrypt`");
            }
            if (!m.group(1).equals("PRIVATE KEY")) {
                throw new IllegalArgumentException("expected an unencrypted PRIVATE KEY, found " + m.group(1));
            }
            der = base64(m.group(2));
        } else {
            der = base64(text);
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key");
        }
    }

    private static byte[] base64(String body) {
        String compact = body.replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(compact.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not valid base64", e);
        }
    }

    private static String armour(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }
}
