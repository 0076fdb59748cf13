package io.faxgate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlidingWindowLimitTest {

    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final Clock clock = new Clock() {
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
    private final SlidingWindowLimit limit = new SlidingWindowLimit(3, Duration.ofMinutes(1), clock);

    @Test
    void allowsUpToMaxWithinTheWindowThenAnswersTheWait() {
        assertThat(limit.tryAcquire("a")).isEmpty();
        now = now.plusSeconds(10);
        assertThat(limit.tryAcquire("a")).isEmpty();
        assertThat(limit.tryAcquire("a")).isEmpty();
        now = now.plusSeconds(5);
        assertThat(limit.tryAcquire("a")).as("the oldest (at 0 s) leaves the window at 60 s; now is 15 s")
                .contains(Duration.ofSeconds(45));
    }

    @Test
    void aRefusedAttemptIsNotCounted() {
        for (int i = 0; i < 3; i++) {
            limit.tryAcquire("a");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(limit.tryAcquire("a")).isPresent();
        }
        now = now.plusSeconds(60);
        assertThat(limit.tryAcquire("a")).as("refusals did not extend the window").isEmpty();
    }

    @Test
    void theWindowSlides() {
        limit.tryAcquire("a");
        now = now.plusSeconds(30);
        limit.tryAcquire("a");
        limit.tryAcquire("a");
        assertThat(limit.tryAcquire("a")).isPresent();
        now = now.plusSeconds(30);
        assertThat(limit.tryAcquire("a")).as("the first event is exactly one window old: gone").isEmpty();
        assertThat(limit.tryAcquire("a")).as("the two at 30 s are still in").isPresent();
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < 3; i++) {
            limit.tryAcquire("a");
        }
        assertThat(limit.tryAcquire("a")).isPresent();
        assertThat(limit.tryAcquire("b")).isEmpty();
    }

    @Test
    void blockedForLooksWithoutCounting() {
        assertThat(limit.blockedFor("a")).isEmpty();
        for (int i = 0; i < 100; i++) {
            assertThat(limit.blockedFor("a")).isEmpty();
        }
        for (int i = 0; i < 3; i++) {
            limit.tryAcquire("a");
        }
        assertThat(limit.blockedFor("a")).contains(Duration.ofMinutes(1));
        now = now.plusSeconds(60);
        assertThat(limit.blockedFor("a")).isEmpty();
    }

    @Test
    void maxMustBePositive() {
        assertThatThrownBy(() -> new SlidingWindowLimit(0, Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(limit.max()).isEqualTo(3);
        assertThat(limit.window()).isEqualTo(Duration.ofMinutes(1));
    }
}
