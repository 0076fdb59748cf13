package io.faxgate.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The key under which per-address limits count a client: an IPv4 address as it is (/32), an IPv6 address by its /64
 * network. One IPv6 subscriber usually holds a whole /64 (often more) and can use a fresh address for every request;
 * counting single IPv6 addresses would give each of them a fresh allowance.
 */
public final class AddressBlock {

    /** Only address literals are parsed: {@link InetAddress#getByName} must never look up a host name here. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[?[0-9A-Fa-f:.]+(%[^\\]]*)?]?");
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private AddressBlock() {
    }

    /** {@code 2001:db8:1:2::/64} for any address in that /64; IPv4 (also IPv4-mapped IPv6) unchanged; null → "". */
    public static String keyOf(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String literal = address.strip();
        if (IPV4_LITERAL.matcher(literal).matches() || literal.indexOf(':') < 0 || !IPV6_LITERAL.matcher(literal).matches()) {
            return literal;
        }
        String bare = literal.replace("[", "").replace("]", "");
        int zone = bare.indexOf('%');
        if (zone >= 0) {
            bare = bare.substring(0, zone);
        }
        try {
            byte[] bytes = InetAddress.getByName(bare).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // IPv4-mapped ::ffff:a.b.c.d
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException malformed) {
            return literal;
        }
    }
}
