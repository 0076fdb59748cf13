package io.faxgate.fax.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.fax.control.WebhookSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

    private static final String SECRET = "current-secret-0123456789abcdef0123456789";
    private static final String PREVIOUS = "previous-secret-0123456789abcdef012345678";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String TS = Long.toString(NOW.getEpochSecond());
    private static final byte[] BODY = "{\"deliveryId\":\"d-1\",\"to\":\"+4930123456\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature verifier = verifier(Optional.empty());

    private static WebhookSignature verifier(Optional<String> previous) {
        return new WebhookSignature(SECRET, previous, Duration.ofSeconds(300), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aCorrectlySignedRequestIsValid() {
        assertThat(verifier.verify(TS, WebhookSignature.sign(SECRET, TS, BODY), BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void theSchemeIsPlainHmacSha256OverTimestampDotBody() throws Exception {
        // What a carrier computes with any HMAC library (or openssl dgst -sha256 -hmac), independent of sign().
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] payload = (TS + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String header = "v1=" + HexFormat.of().formatHex(mac.doFinal(payload));

        assertThat(WebhookSignature.sign(SECRET, TS, BODY)).isEqualTo(header);
        assertThat(verifier.verify(TS, header, BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aKnownVectorStaysStable() {
        // Pins the scheme, so the documentation's openssl example and the code cannot drift apart unnoticed:
        // printf '%s' '1700000000.{}' | openssl dgst -sha256 -hmac 'current-secret-0123456789abcdef0123456789'
        assertThat(WebhookSignature.sign(SECRET, "1700000000", "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1=b73683a212ec8119f737a64aebc760ce82af34c588dc503ccace087a3b1650cd");
    }

    @Test
    void aTamperedBodyIsRefused() {
        String signature = WebhookSignature.sign(SECRET, TS, BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 3] ^= 1;
        assertThat(verifier.verify(TS, signature, tampered)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void anAppendedBodyIsRefused() {
        // HMAC is not open to length extension: appending to the body (or moving the dot) breaks the signature.
        String signature = WebhookSignature.sign(SECRET, TS, BODY);
        byte[] extended = (new String(BODY, StandardCharsets.UTF_8) + "{\"to\":\"+4940999999\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(TS, signature, extended)).isEqualTo(Verdict.MISMATCH);
        assertThat(verifier.verify(TS, signature, new byte[0])).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void theTimestampIsBoundToTheSignature() {
        String signature = WebhookSignature.sign(SECRET, TS, BODY);
        String otherTs = Long.toString(NOW.getEpochSecond() - 1);
        assertThat(verifier.verify(otherTs, signature, BODY)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void timestampAndBodyCannotTradeBytesAcrossTheDot() {
        // "1700000000" + "." + "5{…" must not verify as "17000000005" + "." + "{…".
        byte[] shifted = ("5" + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign(SECRET, TS, shifted);
        assertThat(verifier.verify(TS + "5", signature, BODY)).isNotEqualTo(Verdict.VALID);
    }

    @Test
    void aWrongSecretIsRefused() {
        String signature = WebhookSignature.sign("another-secret-0123456789abcdef0123456789", TS, BODY);
        assertThat(verifier.verify(TS, signature, BODY)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void thePreviousSecretIsAcceptedOnlyWhileConfigured() {
        String signedWithPrevious = WebhookSignature.sign(PREVIOUS, TS, BODY);
        assertThat(verifier(Optional.of(PREVIOUS)).verify(TS, signedWithPrevious, BODY)).isEqualTo(Verdict.VALID);
        assertThat(verifier(Optional.of(PREVIOUS)).verify(TS, WebhookSignature.sign(SECRET, TS, BODY), BODY))
                .isEqualTo(Verdict.VALID);
        assertThat(verifier.verify(TS, signedWithPrevious, BODY)).isEqualTo(Verdict.MISMATCH);
        assertThat(verifier(Optional.of("  ")).verify(TS, signedWithPrevious, BODY)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void oneMatchingValueAmongSeveralSuffices() {
        String wrong = WebhookSignature.sign("another-secret-0123456789abcdef0123456789", TS, BODY);
        String right = WebhookSignature.sign(SECRET, TS, BODY);
        assertThat(verifier.verify(TS, wrong + ", " + right, BODY)).isEqualTo(Verdict.VALID);
        assertThat(verifier.verify(TS, "v2=abc," + right, BODY)).isEqualTo(Verdict.VALID);
        assertThat(verifier.verify(TS, wrong + "," + wrong, BODY)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void timestampsWithinTheWindowAreAcceptedBothWays() {
        for (long offset : new long[] {-300, -1, 1, 300}) {
            String ts = Long.toString(NOW.getEpochSecond() + offset);
            assertThat(verifier.verify(ts, WebhookSignature.sign(SECRET, ts, BODY), BODY)).as("offset " + offset)
                    .isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void aStaleTimestampIsRefusedEvenWhenCorrectlySigned() {
        String ts = Long.toString(NOW.getEpochSecond() - 301);
        assertThat(verifier.verify(ts, WebhookSignature.sign(SECRET, ts, BODY), BODY)).isEqualTo(Verdict.STALE);
        assertThat(verifier.verify("0", WebhookSignature.sign(SECRET, "0", BODY), BODY)).isEqualTo(Verdict.STALE);
    }

    @Test
    void aFutureTimestampIsRefusedEvenWhenCorrectlySigned() {
        String ts = Long.toString(NOW.getEpochSecond() + 301);
        assertThat(verifier.verify(ts, WebhookSignature.sign(SECRET, ts, BODY), BODY)).isEqualTo(Verdict.FUTURE);
        String farFuture = "999999999999";
        assertThat(verifier.verify(farFuture, WebhookSignature.sign(SECRET, farFuture, BODY), BODY)).isEqualTo(Verdict.FUTURE);
    }

    @Test
    void missingHeadersAreRefused() {
        String signature = WebhookSignature.sign(SECRET, TS, BODY);
        assertThat(verifier.verify(null, signature, BODY)).isEqualTo(Verdict.MISSING);
        assertThat(verifier.verify(TS, null, BODY)).isEqualTo(Verdict.MISSING);
        assertThat(verifier.verify(" ", signature, BODY)).isEqualTo(Verdict.MISSING);
        assertThat(verifier.verify(TS, "", BODY)).isEqualTo(Verdict.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700000000.5", "-1700000000", "+1700000000", "17e8", "0x65", "1700000000000000", "１７"})
    void malformedTimestampsAreRefused(String ts) {
        assertThat(verifier.verify(ts, WebhookSignature.sign(SECRET, ts, BODY), BODY)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void aSignatureWithoutTheV1SchemeIsRefused() {
        String hex = WebhookSignature.sign(SECRET, TS, BODY).substring(3);
        assertThat(verifier.verify(TS, hex, BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(verifier.verify(TS, "v2=" + hex, BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(verifier.verify(TS, "sha256=" + hex, BODY)).isEqualTo(Verdict.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1=", "v1=abc", "v1=zz", "v1= ", "v1=,", ","})
    void malformedSignaturesAreRefused(String header) {
        assertThat(verifier.verify(TS, header, BODY)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void aTruncatedOrPaddedSignatureIsRefused() {
        String signature = WebhookSignature.sign(SECRET, TS, BODY);
        assertThat(verifier.verify(TS, signature.substring(0, signature.length() - 2), BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(verifier.verify(TS, signature + "00", BODY)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void tooManySignatureValuesAreRefused() {
        String right = WebhookSignature.sign(SECRET, TS, BODY);
        assertThat(verifier.verify(TS, String.join(",", right, right, right, right, right, right), BODY))
                .isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void uppercaseHexIsTheSameSignature() {
        String signature = WebhookSignature.sign(SECRET, TS, BODY);
        String upper = "v1=" + signature.substring(3).toUpperCase(Locale.ROOT);
        assertThat(verifier.verify(TS, upper, BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void surroundingWhitespaceInHeadersIsTolerated() {
        assertThat(verifier.verify(" " + TS + " ", " " + WebhookSignature.sign(SECRET, TS, BODY) + " ", BODY))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void weakSecretsAndWildTolerancesAreRefusedAtConstruction() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThatThrownBy(() -> new WebhookSignature("short", Optional.empty(), Duration.ofSeconds(300), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("short");
        assertThatThrownBy(() -> new WebhookSignature(SECRET, Optional.of("short-previous"), Duration.ofSeconds(300), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("short-previous");
        assertThatThrownBy(() -> new WebhookSignature(SECRET, Optional.empty(), Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSignature(SECRET, Optional.empty(), Duration.ofHours(2), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
