package io.faxgate.sso.saml.internal;

import io.faxgate.sso.saml.SamlFailure;
import io.faxgate.sso.saml.SamlValidationException;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Bounded base64 and DEFLATE decoding of binding payloads. Internal. */
public final class Codec {

    private Codec() {
    }

    /** Standard base64 (whitespace and line breaks ignored), refused before decoding when it cannot fit {@code maxBytes}. */
    public static byte[] base64(String value, int maxBytes) throws SamlValidationException {
        if (value == null || value.isBlank()) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, "empty message");
        }
        if ((long) value.length() > (long) maxBytes * 4 / 3 + 4 + value.length() / 64 * 2L + 64) {
            throw new SamlValidationException(SamlFailure.TOO_LARGE, "encoded message is " + value.length() + " characters, limit " + maxBytes + " bytes decoded");
        }
        // one pass straight into bytes (no intermediate String): whitespace skipped, anything beyond ASCII is not base64
        byte[] compact = new byte[value.length()];
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7f) {
                throw new SamlValidationException(SamlFailure.MALFORMED_XML, "message is not base64");
            }
            if (c != ' ' && c != '\r' && c != '\n' && c != '\t') {
                compact[length++] = (byte) c;
            }
        }
        byte[] out;
        try {
            out = Base64.getDecoder().decode(Arrays.copyOf(compact, length));
        } catch (IllegalArgumentException e) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, "message is not base64");
        }
        if (out.length > maxBytes) {
            throw new SamlValidationException(SamlFailure.TOO_LARGE, "message is " + out.length + " bytes, limit " + maxBytes);
        }
        return out;
    }

    /** Raw DEFLATE (RFC 1951, HTTP-Redirect binding), stopping as soon as the output exceeds {@code maxBytes}. */
    public static byte[] inflate(byte[] deflated, int maxBytes) throws SamlValidationException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0) {
                    if (inflater.needsInput() || inflater.needsDictionary()) {
                        throw new SamlValidationException(SamlFailure.MALFORMED_XML, "truncated DEFLATE data");
                    }
                }
                out.write(buf, 0, n);
                if (out.size() > maxBytes) {
                    throw new SamlValidationException(SamlFailure.TOO_LARGE, "inflated message exceeds " + maxBytes + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new SamlValidationException(SamlFailure.MALFORMED_XML, "not DEFLATE data");
        } finally {
            inflater.end();
        }
    }
}
