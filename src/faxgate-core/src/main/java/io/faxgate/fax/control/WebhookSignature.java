package io.faxgate.fax.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the carrier webhook's signature: {@code Faxgate-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." +
 * body)>} with {@code Faxgate-Timestamp: <unix seconds>}, where body is the raw request body, byte for byte.
 *
 * <p>The timestamp must lie within the tolerance of our clock, in the past or the future, so a captured request
 * cannot be replayed later (replays inside the window are caught by the delivery id, see {@link InboundFaxes}).
 * The signature header may carry several comma-separated {@code v1=} values (a carrier signing with an old and a
 * new secret during a rotation); one match with the current or the previous secret suffices. Signatures are
 * compared in constant time. Hex digits are accepted in either case (the bytes are compared, not the text).
 *
 * <p>Pure and thread-safe: no container, no I/O. {@link Verdict} tells the caller why a request failed, for the
 * audit log only — the client is told nothing more than "not authenticated".
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "Faxgate-Timestamp";
    public static final String SIGNATURE_HEADER = "Faxgate-Signature";
    public static final String SCHEME = "v1=";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    /** Replay memory is kept a day ({@code FaxDispatcher}); the window must stay far inside it. */
    public static final Duration MAX_TOLERANCE = Duration.ofHours(1);
    /** 256 bits of a random secret, hex or base64 encoded, is at least this long. */
    public static final int MIN_SECRET_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_HEX_LENGTH = 64;
    private static final int MAX_TIMESTAMP_DIGITS = 12;
    private static final int MAX_SIGNATURES = 5;

    /** Why a request is (not) authentic. Only {@link #VALID} lets it in. */
    public enum Verdict {
        VALID("valid signature"),
        MISSING("signature or timestamp header missing"),
        MALFORMED("signature or timestamp header malformed"),
        STALE("timestamp older than the tolerance window"),
        FUTURE("timestamp further in the future than the tolerance window"),
        MISMATCH("signature does not match");

        private final String description;

        Verdict(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final List<SecretKeySpec> keys;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * @param secret   the current shared secret (at least {@value #MIN_SECRET_LENGTH} characters)
     * @param previous the secret before the last rotation, still accepted; empty when there is none
     */
    public WebhookSignature(String secret, Optional<String> previous, Duration tolerance, Clock clock) {
        List<SecretKeySpec> accepted = new ArrayList<>(2);
        accepted.add(key(requireStrong(secret, "secret")));
        previous.filter(p -> !p.isBlank()).ifPresent(p -> accepted.add(key(requireStrong(p, "previous secret"))));
        this.keys = List.copyOf(accepted);
        if (tolerance.isNegative() || tolerance.isZero() || tolerance.compareTo(MAX_TOLERANCE) > 0) {
            throw new IllegalArgumentException("the tolerance must be between 1 s and " + MAX_TOLERANCE.toSeconds() + " s");
        }
        this.tolerance = tolerance;
        this.clock = Objects.requireNonNull(clock);
    }

    public Verdict verify(String timestampHeader, String signatureHeader, byte[] body) {
        if (isBlank(timestampHeader) || isBlank(signatureHeader)) {
            return Verdict.MISSING;
        }
        String timestamp = timestampHeader.trim();
        if (timestamp.length() > MAX_TIMESTAMP_DIGITS || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Verdict.MALFORMED;
        }
        List<byte[]> offered = signatures(signatureHeader);
        if (offered.isEmpty()) {
            return Verdict.MALFORMED;
        }
        long skew = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        if (skew > tolerance.toSeconds()) {
            return Verdict.STALE;
        }
        if (-skew > tolerance.toSeconds()) {
            return Verdict.FUTURE;
        }
        boolean match = false;
        for (SecretKeySpec key : keys) {
            byte[] expected = mac(key, timestamp, body);
            for (byte[] candidate : offered) {
                match |= MessageDigest.isEqual(expected, candidate); // no early exit: same work either way
            }
        }
        return match ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** The header value a carrier sends: {@code v1=} and the lowercase hex HMAC. For tests and tooling. */
    public static String sign(String secret, String timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(mac(key(secret.strip()), timestamp, body));
    }

    /** The {@code v1=} values, decoded; empty when there is none or one is not 64 hex digits. */
    private static List<byte[]> signatures(String header) {
        String[] parts = header.split(",", MAX_SIGNATURES + 1);
        if (parts.length > MAX_SIGNATURES) {
            return List.of();
        }
        List<byte[]> signatures = new ArrayList<>(parts.length);
        for (String part : parts) {
            String value = part.trim();
            if (!value.startsWith(SCHEME)) {
                continue; // another scheme version (v0=, v2=…): not ours to judge
            }
            String hex = value.substring(SCHEME.length());
            if (hex.length() != SIGNATURE_HEX_LENGTH) {
                return List.of();
            }
            try {
                signatures.add(HexFormat.of().parseHex(hex));
            } catch (IllegalArgumentException notHex) {
                return List.of();
            }
        }
        return signatures;
    }

    private static byte[] mac(SecretKeySpec key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    private static String requireStrong(String secret, String what) {
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the webhook " + what + " must be at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        return secret.strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
