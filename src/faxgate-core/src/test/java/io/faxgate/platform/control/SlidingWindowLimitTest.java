package io.faxgate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real JCache implementation (Caffeine's), as on Payara's data grid: compare-and-set on String values. */
class SlidingWindowLimitTest {

    private volatile Instant now = Instant.parse("2026-11-23T10:00:00Z"); // on a slot boundary (slots of 6 s)
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
    private CacheManager manager;
    private Cache<String, String> grid;
    private SlidingWindowLimit limit;

    @BeforeEach
    void grid() {
        manager = Caching.getCachingProvider("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider")
                .getCacheManager();
        grid = manager.createCache("limits-" + System.nanoTime(), new MutableConfiguration<String, String>());
        limit = new SlidingWindowLimit("sign-in", 3, Duration.ofMinutes(1), clock, grid);
    }

    @AfterEach
    void close() {
        manager.destroyCache(grid.getName());
    }

    @Test
    void allowsUpToMaxWithinTheWindowThenAnswersTheWait() {
        assertThat(limit.tryAcquire("a")).isEmpty();
        now = now.plusSeconds(10);
        assertThat(limit.tryAcquire("a")).isEmpty();
        assertThat(limit.tryAcquire("a")).isEmpty();
        now = now.plusSeconds(5);
        assertThat(limit.tryAcquire("a")).as("the oldest (0 s, slot 0–6 s) stops counting at 66 s; now is 15 s")
                .contains(Duration.ofSeconds(51));
    }

    @Test
    void aRefusedAttemptIsNotCounted() {
        for (int i = 0; i < 3; i++) {
            limit.tryAcquire("a");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(limit.tryAcquire("a")).isPresent();
        }
        now = now.plusSeconds(66);
        assertThat(limit.tryAcquire("a")).as("refusals did not extend the window").isEmpty();
    }

    @Test
    void theWindowSlidesAndNeverAllowsMoreThanMaxWithinOneWindow() {
        limit.tryAcquire("a");
        now = now.plusSeconds(30);
        limit.tryAcquire("a");
        limit.tryAcquire("a");
        assertThat(limit.tryAcquire("a")).isPresent();
        now = now.plusSeconds(30);
        assertThat(limit.tryAcquire("a")).as("exactly one window after the first event: its slot still counts, so"
                + " never four events within 60 s").contains(Duration.ofSeconds(6));
        now = now.plusSeconds(6);
        assertThat(limit.tryAcquire("a")).as("the first event's slot has left").isEmpty();
        assertThat(limit.tryAcquire("a")).as("the two at 30 s are still in").isPresent();
    }

    @Test
    void keysAndNamesAreIndependent() {
        for (int i = 0; i < 3; i++) {
            limit.tryAcquire("a");
        }
        assertThat(limit.tryAcquire("a")).isPresent();
        assertThat(limit.tryAcquire("b")).isEmpty();
        SlidingWindowLimit other = new SlidingWindowLimit("fax-send", 3, Duration.ofMinutes(1), clock, grid);
        assertThat(other.tryAcquire("a")).as("another limit's key 'a' is another count").isEmpty();
    }

    @Test
    void twoMembersShareOneAllowance() {
        SlidingWindowLimit onNodeB = new SlidingWindowLimit("sign-in", 3, Duration.ofMinutes(1), clock, grid);
        assertThat(limit.tryAcquire("198.51.100.7")).isEmpty();
        assertThat(onNodeB.tryAcquire("198.51.100.7")).isEmpty();
        assertThat(limit.tryAcquire("198.51.100.7")).isEmpty();
        assertThat(onNodeB.tryAcquire("198.51.100.7")).as("the attacker moved to node B: same budget").isPresent();
        assertThat(onNodeB.blockedFor("198.51.100.7")).isPresent();
    }

    @Test
    void aMemberWithASlightlySlowClockStillCountsIntoTheSameWindow() {
        limit.tryAcquire("a");
        now = now.plusSeconds(7);
        limit.tryAcquire("a"); // slot 1
        now = now.minusSeconds(2); // the next request lands on a member whose clock is 2 s behind: slot 0 again
        limit.tryAcquire("a");
        assertThat(limit.tryAcquire("a")).isPresent();
        now = now.plusSeconds(61); // 66 s: slot 0 left, slot 1 (one event) still counts
        assertThat(limit.tryAcquire("a")).isEmpty();
        assertThat(limit.tryAcquire("a")).isEmpty();
        assertThat(limit.tryAcquire("a")).isPresent();
    }

    @Test
    void threadsRacingOnOneKeyGetExactlyMax() throws Exception {
        SlidingWindowLimit fifty = new SlidingWindowLimit("race", 50, Duration.ofMinutes(1), clock, grid);
        SlidingWindowLimit fiftyOnB = new SlidingWindowLimit("race", 50, Duration.ofMinutes(1), clock, grid);
        int threads = 8;
        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SlidingWindowLimit member = t % 2 == 0 ? fifty : fiftyOnB;
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < 100; i++) {
                        if (member.tryAcquire("one-key").isEmpty()) {
                            allowed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(allowed).as("800 racing attempts on one key, limit 50").hasValue(50);
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
        assertThat(limit.blockedFor("a")).contains(Duration.ofSeconds(66));
        now = now.plusSeconds(66);
        assertThat(limit.blockedFor("a")).isEmpty();
    }

    @Test
    void withoutAContainerItCountsInThisJvm() {
        SlidingWindowLimit local = new SlidingWindowLimit("local", 2, Duration.ofSeconds(1), clock);
        assertThat(local.tryAcquire("a")).isEmpty();
        assertThat(local.tryAcquire("a")).isEmpty();
        assertThat(local.tryAcquire("a")).isPresent();
    }

    @Test
    void worksWithTheApplicationsMicrosecondClock() {
        // Clocks produces Clock.tick(systemUTC, 1 µs); on JDK 17 its millis() divides by zero.
        SlidingWindowLimit micro = new SlidingWindowLimit("micro", 1, Duration.ofMinutes(1),
                Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)), grid);
        assertThat(micro.tryAcquire("a")).isEmpty();
        assertThat(micro.tryAcquire("a")).isPresent();
        assertThat(micro.blockedFor("a")).isPresent();
    }

    @Test
    void maxMustBePositive() {
        assertThatThrownBy(() -> new SlidingWindowLimit("none", 0, Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(limit.max()).isEqualTo(3);
        assertThat(limit.window()).isEqualTo(Duration.ofMinutes(1));
    }
}
