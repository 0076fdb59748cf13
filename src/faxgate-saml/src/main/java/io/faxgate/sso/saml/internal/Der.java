package io.faxgate.sso.saml.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The few DER encodings a self-signed certificate needs. Internal. */
public final class Der {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private Der() {
    }

    public static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            byte[] l = BigInteger.valueOf(len).toByteArray();
            int off = l[0] == 0 ? 1 : 0;
            out.write(0x80 | (l.length - off));
            out.write(l, off, l.length - off);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    public static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return tlv(0x30, out.toByteArray());
    }

    public static byte[] explicit(int tagNumber, byte[] content) {
        return tlv(0xA0 | tagNumber, content);
    }

    public static byte[] integer(BigInteger v) {
        return tlv(0x02, v.toByteArray());
    }

    public static byte[] bool(boolean v) {
        return tlv(0x01, new byte[]{(byte) (v ? 0xFF : 0x00)});
    }

    public static byte[] nullValue() {
        return new byte[]{0x05, 0x00};
    }

    public static byte[] octetString(byte[] v) {
        return tlv(0x04, v);
    }

    public static byte[] bitString(byte[] v, int unusedBits) {
        byte[] c = new byte[v.length + 1];
        c[0] = (byte) unusedBits;
        System.arraycopy(v, 0, c, 1, v.length);
        return tlv(0x03, c);
    }

    public static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long v = Long.parseLong(arcs[i]);
            byte[] tmp = new byte[10];
            int n = 0;
            do {
                tmp[n++] = (byte) (v & 0x7F);
                v >>>= 7;
            } while (v != 0);
            for (int j = n - 1; j >= 0; j--) {
                out.write(tmp[j] | (j == 0 ? 0 : 0x80));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    /** UTCTime before 2050, GeneralizedTime from 2050 on (RFC 5280 4.1.2.5). */
    public static byte[] time(Instant t) {
        int year = t.atZone(ZoneOffset.UTC).getYear();
        if (year < 2050) {
            return tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(0x18, GENERALIZED_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }
}
