package io.faxgate.formats;

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
 * PEM and base64 text of certificates and keys: the one place Faxgate reads and writes it (the core's SSO settings,
 * the SP key pairs, the SAML engine's metadata, the admin page's uploads). The JDK does the real work
 * ({@link CertificateFactory}, {@link KeyFactory}, the MIME base64 coder); this class only handles the armour.
 * <p>
 * Reading is lenient about what admins paste (with or without the {@code -----BEGIN CERTIFICATE-----} armour, text
 * around it, line breaks, spaces, CRLF, a lost BEGIN or END line) and strict about the content. Refusals are
 * {@link IllegalArgumentException}s whose message completes a sentence about the field ("C · X.509 certificate: is
 * not Base64; …"), fit to show to the admin. Writing always gives armoured PEM with 64-character lines and LF line
 * ends, whatever the platform.
 */
public final class Pem {

    static final String NOT_A_CERTIFICATE =
            "is not a certificate (found a different PEM block; paste the certificate, never a private key)";

    private static final String CERTIFICATE_NOT_BASE64 =
            "is not Base64; paste the certificate as Entra shows it (Certificate (Base64))";
    private static final String KEY_NOT_BASE64 = "private key is not valid base64";

    private static final Pattern ARMOURED = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final Pattern CERTIFICATE_ARMOUR_LINE = Pattern.compile("-----(BEGIN|END) CERTIFICATE-----");
    private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=\\s]+");

    private Pem() {
    }

    /** Exactly one certificate, armoured or bare base64 DER. */
    public static X509Certificate parseCertificate(String text) {
        List<X509Certificate> all = parseCertificates(text);
        if (all.size() != 1) {
            throw new IllegalArgumentException("contains " + all.size() + " certificates; paste one certificate per field");
        }
        return all.get(0);
    }

    /** One or more armoured certificates, or a single bare base64 DER certificate. */
    public static List<X509Certificate> parseCertificates(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = ARMOURED.matcher(text);
        while (m.find()) {
            if (!m.group(1).equals("CERTIFICATE")) {
                throw new IllegalArgumentException(NOT_A_CERTIFICATE);
            }
            out.add(certificateFromDer(base64(m.group(2), CERTIFICATE_NOT_BASE64)));
        }
        if (out.isEmpty()) {
            // no complete block: bare base64, or a paste that kept only one of the certificate's armour lines
            String body = CERTIFICATE_ARMOUR_LINE.matcher(text).replaceAll("");
            if (body.contains("-----")) {
                throw new IllegalArgumentException(NOT_A_CERTIFICATE);
            }
            out.add(certificateFromDer(base64(body, CERTIFICATE_NOT_BASE64)));
        }
        return out;
    }

    public static X509Certificate certificateFromDer(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("is not an X.509 certificate", e);
        }
    }

    /** Armoured PEM, 64-character lines, LF line ends, a final LF: the form Faxgate stores and shows. */
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

    /**
     * Armoured PEM of a certificate given as bare base64 DER (a federation metadata entry); characters that are not
     * base64 are skipped, as the MIME decoder does, and {@link #parseCertificate} judges the result.
     */
    public static String armourBase64Certificate(String base64) {
        return armourCertificate(Base64.getMimeDecoder().decode(base64)).strip();
    }

    /**
     * The text of an uploaded .cer/.crt/.pem file: PEM or base64 text is passed on as it is (stripped) for
     * {@link #parseCertificate} to judge; anything else is taken as DER (Entra's "Certificate (Raw)") and armoured.
     */
    public static String certificateFileText(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII).strip();
        if (text.contains("-----BEGIN CERTIFICATE-----") || BASE64_TEXT.matcher(text).matches()) {
            return text;
        }
        return armourCertificate(content).strip();
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
            der = base64(m.group(2), KEY_NOT_BASE64);
        } else {
            der = base64(text, KEY_NOT_BASE64);
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key");
        }
    }

    private static byte[] base64(String body, String refusal) {
        String compact = body.replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(compact.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(refusal);
        }
    }

    private static String armour(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }
}
