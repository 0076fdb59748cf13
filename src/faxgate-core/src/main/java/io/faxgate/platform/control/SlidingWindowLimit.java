package io.faxgate.platform.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} events per key within a sliding {@code window}. Per server instance: a cluster multiplies
 * the allowance by its size, which bounds abuse without a shared store.
 */
public class SlidingWindowLimit {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    public SlidingWindowLimit(int max, Duration window, Clock clock) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Counts the event when it is within the limit. Empty when allowed; otherwise the time until the oldest
     * counted event leaves the window (what a Retry-After header should say).
     */
    public java.util.Optional<Duration> tryAcquire(String key) {
        if (events.size() >= MAX_TRACKED_KEYS) {
            events.clear();
        }
        Deque<Instant> recent = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            Instant now = clock.instant();
            Instant cutoff = now.minus(window);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
                recent.removeFirst();
            }
            if (recent.size() >= max) {
                return java.util.Optional.of(Duration.between(cutoff, recent.peekFirst()));
            }
            recent.addLast(now);
            return java.util.Optional.empty();
        }
    }

    /**
     * Whether the key is at its limit right now, without counting an event: the wait as {@link #tryAcquire} would
     * answer it, or empty when an event would be allowed.
     */
    public java.util.Optional<Duration> blockedFor(String key) {
        Deque<Instant> recent = events.get(key);
        if (recent == null) {
            return java.util.Optional.empty();
        }
        synchronized (recent) {
            Instant cutoff = clock.instant().minus(window);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
                recent.removeFirst();
            }
            return recent.size() >= max ? java.util.Optional.of(Duration.between(cutoff, recent.peekFirst()))
                    : java.util.Optional.empty();
        }
    }

    public int max() {
        return max;
    }

    public Duration window() {
        return window;
    }
}
