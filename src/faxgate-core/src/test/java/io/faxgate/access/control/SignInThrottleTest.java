package io.faxgate.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void blocksAfterFiveFailuresFromOneAddressOnly() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("Admin@Acme", "10.0.0.1");
        }
        assertThat(throttle.blocked("admin@acme", "10.0.0.1")).isFalse();
        throttle.failed("admin@acme", "10.0.0.1");

        assertThat(throttle.blocked("ADMIN@acme", "10.0.0.1")).as("usernames compare case-insensitively").isTrue();
        assertThat(throttle.blocked("admin@acme", "10.0.0.2")).as("the real person elsewhere is not locked out").isFalse();
        assertThat(throttle.blocked("other@acme", "10.0.0.1")).isFalse();
    }

    @Test
    void theWindowPassesAndSuccessClears() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            throttle.failed("a", "ip");
        }
        now = now.plus(SignInThrottle.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(throttle.blocked("a", "ip")).isFalse();

        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("b", "ip");
        }
        throttle.succeeded("b", "ip");
        throttle.failed("b", "ip");
        assertThat(throttle.blocked("b", "ip")).isFalse();
    }
}
