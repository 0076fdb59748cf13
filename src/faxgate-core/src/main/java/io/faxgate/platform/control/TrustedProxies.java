package io.faxgate.platform.control;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reverse proxies and load balancers whose forwarding headers we believe ({@code faxgate.trusted-proxies}: a
 * comma-separated list of CIDRs such as {@code 10.0.0.0/8, ::1/128}; empty by default, i.e. trust nobody).
 *
 * <p>Only when the TCP peer is trusted is anything forwarded used: the client address is the right-most address in
 * {@code X-Forwarded-For} that is not itself a trusted proxy (everything left of it was written by the client and
 * may be forged), and the scheme is {@code X-Forwarded-Proto}. A request from anywhere else is taken at face value,
 * so a client talking to a node directly cannot choose the address it is limited and audited under.
 */
public final class TrustedProxies {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private final List<Cidr> trusted;

    private TrustedProxies(List<Cidr> trusted) {
        this.trusted = trusted;
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** Parses the config value; a malformed entry is an error (a typo must not silently trust nobody or everybody). */
    public static TrustedProxies parse(String cidrs) {
        List<Cidr> parsed = new ArrayList<>();
        if (cidrs != null) {
            for (String entry : cidrs.split(",")) {
                if (!entry.isBlank()) {
                    parsed.add(Cidr.parse(entry.trim()));
                }
            }
        }
        return new TrustedProxies(List.copyOf(parsed));
    }

    public boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Cidr cidr : trusted) {
            if (cidr.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address: the peer itself unless it is a trusted proxy; then the right-most untrusted hop of the
     * {@code X-Forwarded-For} values (all header lines, in order). A garbled hop ends the walk there: we answer the
     * last hop we could trust to be what a proxy of ours saw.
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = stripPort(hops.get(i));
            if (literal(hop) == null) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Whether the client reached us over TLS: the peer's own scheme, or a trusted proxy's X-Forwarded-Proto. */
    public boolean secure(String peer, boolean peerSecure, String forwardedProto) {
        if (!isTrusted(peer) || forwardedProto == null || forwardedProto.isBlank()) {
            return peerSecure;
        }
        // A chain of proxies may list one scheme per hop: the first is what the client used.
        String first = forwardedProto.split(",")[0].trim().toLowerCase(Locale.ROOT);
        return "https".equals(first);
    }

    private static String stripPort(String hop) {
        if (hop.startsWith("[")) { // [2001:db8::1]:443
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') > 0) { // 192.0.2.1:51234
            return hop.substring(0, colon);
        }
        return hop;
    }

    /** The address bytes of an IP literal, or null: never a DNS look-up for a name a client wrote. */
    static byte[] literal(String address) {
        if (address == null || address.isEmpty() || address.length() > 45 || !LITERAL.matcher(address).matches()
                || address.indexOf(':') < 0 && address.chars().filter(c -> c == '.').count() != 3) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return null;
        }
    }

    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] bytes = literal(address);
            if (bytes == null) {
                throw new IllegalArgumentException("faxgate.trusted-proxies: not an IP address or CIDR: " + text);
            }
            int prefix;
            try {
                prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("faxgate.trusted-proxies: bad prefix length in " + text);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("faxgate.trusted-proxies: prefix out of range in " + text);
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(byte[] address) {
            byte[] candidate = address;
            if (candidate.length != network.length) {
                return false; // an IPv4 range never matches an IPv6 peer and vice versa (mapped forms are normalised by the JDK)
            }
            int shift = network.length * 8 - prefix;
            return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }
}
