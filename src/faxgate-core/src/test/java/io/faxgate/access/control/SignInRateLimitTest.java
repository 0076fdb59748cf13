package io.faxgate.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInRateLimitTest {

    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final SignInRateLimit limit = new SignInRateLimit();

    SignInRateLimitTest() {
        limit.perMinute = 3;
        limit.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        limit.create();
    }

    @Test
    void attemptsAreCountedPerAddressAndBlockedOnlyLooks() {
        for (int i = 0; i < 3; i++) {
            assertThat(limit.blocked("10.0.0.1")).isEmpty();
            assertThat(limit.attempt("10.0.0.1")).isEmpty();
        }
        assertThat(limit.blocked("10.0.0.1")).isPresent();
        assertThat(limit.attempt("10.0.0.1")).isPresent();
        assertThat(limit.attempt("10.0.0.2")).as("another address").isEmpty();
        now = now.plus(Duration.ofMinutes(1));
        assertThat(limit.attempt("10.0.0.1")).as("the cluster-wide limit counts by slots of a tenth of the window:"
                + " an attempt stays counted until its whole slot has left").isPresent();
        now = now.plusSeconds(6);
        assertThat(limit.attempt("10.0.0.1")).isEmpty();
    }

    @Test
    void aRefusalIsReportedOncePerAddressAndWindow() {
        assertThat(limit.firstRefusalInWindow("10.0.0.1")).isTrue();
        assertThat(limit.firstRefusalInWindow("10.0.0.1")).isFalse();
        assertThat(limit.firstRefusalInWindow("10.0.0.2")).isTrue();
        now = now.plusSeconds(59);
        assertThat(limit.firstRefusalInWindow("10.0.0.1")).isFalse();
        now = now.plusSeconds(1);
        assertThat(limit.firstRefusalInWindow("10.0.0.1")).as("counted by slots of a tenth of the window: the report"
                + " stays counted until its whole slot has left").isFalse();
        now = now.plusSeconds(6);
        assertThat(limit.firstRefusalInWindow("10.0.0.1")).as("a new window").isTrue();
    }

    @Test
    void rotatingAddressesInsideOneIpv6Slash64IsStillLimited() {
        for (int i = 1; i <= 3; i++) {
            assertThat(limit.attempt("2001:db8:7:7::" + Integer.toHexString(i))).isEmpty();
        }
        assertThat(limit.attempt("2001:db8:7:7:abcd:1234:5678:9abc")).as("a fresh address of the same /64").isPresent();
        assertThat(limit.blocked("2001:db8:7:7::ffff")).isPresent();
        assertThat(limit.attempt("2001:db8:7:8::1")).as("the next /64 is someone else").isEmpty();
        assertThat(limit.firstRefusalInWindow("2001:db8:7:7::1")).isTrue();
        assertThat(limit.firstRefusalInWindow("2001:db8:7:7::2")).as("reported once per /64").isFalse();
    }
}
