package io.faxgate.syncagent.ldap;

/**
 * AD's binary objectSid in its text form {@code S-1-5-21-...}: revision (1 byte), number of sub-authorities
 * (1 byte), identifier authority (6 bytes, big-endian), then each sub-authority as 4 bytes little-endian.
 */
public final class ObjectSid {

    private ObjectSid() {
    }

    public static String toText(byte[] raw) {
        if (raw == null || raw.length < 8) {
            throw new IllegalArgumentException("objectSid too short");
        }
        int count = raw[1] & 0xff;
        if (raw.length != 8 + 4 * count) {
            throw new IllegalArgumentException("objectSid length " + raw.length + " does not fit " + count + " sub-authorities");
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = (authority << 8) | (raw[i] & 0xff);
        }
        StringBuilder s = new StringBuilder("S-").append(raw[0] & 0xff).append('-').append(authority);
        for (int i = 0; i < count; i++) {
            int o = 8 + 4 * i;
            long sub = (raw[o] & 0xffL) | (raw[o + 1] & 0xffL) << 8 | (raw[o + 2] & 0xffL) << 16 | (raw[o + 3] & 0xffL) << 24;
            s.append('-').append(sub);
        }
        return s.toString();
    }

    /** The inverse, for test fixtures. */
    public static byte[] toBytes(String text) {
        String[] parts = text.split("-");
        if (parts.length < 3 || !parts[0].equals("S")) {
            throw new IllegalArgumentException("not a SID: " + text);
        }
        int count = parts.length - 3;
        byte[] b = new byte[8 + 4 * count];
        b[0] = (byte) Integer.parseInt(parts[1]);
        b[1] = (byte) count;
        long authority = Long.parseLong(parts[2]);
        for (int i = 7; i >= 2; i--) {
            b[i] = (byte) (authority & 0xff);
            authority >>>= 8;
        }
        for (int i = 0; i < count; i++) {
            long sub = Long.parseLong(parts[3 + i]);
            int o = 8 + 4 * i;
            b[o] = (byte) sub;
            b[o + 1] = (byte) (sub >>> 8);
            b[o + 2] = (byte) (sub >>> 16);
            b[o + 3] = (byte) (sub >>> 24);
        }
        return b;
    }
}
