package io.faxgate.syncagent.ldap;

import java.util.HexFormat;

/**
 * AD's objectGUID: 16 bytes in Microsoft's mixed-endian GUID layout. The first three fields (4, 2 and 2 bytes)
 * are little-endian, the last 8 bytes are in order. The canonical text form is what AD tools and PowerShell
 * ({@code Get-ADUser ... | select ObjectGUID}) show, e.g. {@code 35918bc9-196d-40ea-9779-889d79b753f0}.
 */
public final class ObjectGuid {

    private ObjectGuid() {
    }

    public static String toCanonical(byte[] raw) {
        if (raw == null || raw.length != 16) {
            throw new IllegalArgumentException("objectGUID must be 16 bytes, got " + (raw == null ? "none" : raw.length));
        }
        HexFormat hex = HexFormat.of();
        return hex.formatHex(new byte[] {raw[3], raw[2], raw[1], raw[0]})
                + "-" + hex.formatHex(new byte[] {raw[5], raw[4]})
                + "-" + hex.formatHex(new byte[] {raw[7], raw[6]})
                + "-" + hex.formatHex(raw, 8, 10)
                + "-" + hex.formatHex(raw, 10, 16);
    }

    /** The inverse, for test fixtures and for building {@code (objectGUID=\..)} filters. */
    public static byte[] toBytes(String canonical) {
        String h = canonical.replace("-", "");
        if (h.length() != 32) {
            throw new IllegalArgumentException("not a GUID: " + canonical);
        }
        byte[] b = HexFormat.of().parseHex(h);
        return new byte[] {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6],
                b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]};
    }
}
