package io.faxgate.audit.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The link of an audit chain: {@code hash = SHA-256(previous hash || canonical bytes of the event)}.
 *
 * <p>The canonical bytes must come out the same whichever database (H2, PostgreSQL), JVM or time zone reads the
 * event back: a version tag, then the chain key, event id, tenant id, time (microseconds since the epoch, UTC — what
 * both databases' TIMESTAMP keeps), actor, type, outcome, target, detail and source address, each as a presence
 * byte, a 4-byte big-endian length and its UTF-8 bytes (numbers in decimal). Lengths make the form unambiguous:
 * no field can borrow characters from its neighbour. The chain position is not hashed: order is what the chain of
 * hashes itself proves, and leaving it out lets verification recognise an intact event that was merely moved.
 */
public final class AuditChainHash {

    static final String VERSION = "faxgate-audit-v1";
    private static final HexFormat HEX = HexFormat.of();

    private AuditChainHash() {
    }

    public static String link(String previousHash, long chainKey, ChainedEvent e) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(HEX.parseHex(previousHash));
            sha256.update(canonical(chainKey, e));
            return HEX.formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    static byte[] canonical(long chainKey, ChainedEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, VERSION);
        field(out, Long.toString(chainKey));
        field(out, Long.toString(e.id()));
        field(out, e.tenantId() == null ? null : e.tenantId().toString());
        field(out, e.occurredAt() == null ? null : Long.toString(micros(e.occurredAt())));
        field(out, e.actor());
        field(out, e.type());
        field(out, e.outcome());
        field(out, e.target());
        field(out, e.detail());
        field(out, e.sourceIp());
        return out.toByteArray();
    }

    /** Microseconds since the epoch, rounded down (also before 1970). */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write(0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(1);
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.write(bytes, 0, bytes.length);
    }
}
