package io.faxgate.platform.control;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.cache.Cache;

/**
 * At most {@code max} events per key within a sliding {@code window}, counted cluster-wide on Payara's data grid:
 * every member of the deployment group draws on the same allowance.
 *
 * <p>How: the window is cut into {@value #SLOTS} slots; a key's state is one grid entry holding the counts of its
 * recent slots (a String such as {@code "4711:3,4712:1"}), updated by compare-and-set, so checking and counting
 * is one atomic step even when members race on the same key. An event is counted in the slot it falls into and
 * stays counted until its whole slot has left the window, i.e. for between {@code window} and
 * {@code window + window/SLOTS}. The approximation only errs on the strict side: no sliding window of length
 * {@code window} ever holds more than {@code max} allowed events, and a refused client may wait up to one slot
 * (a tenth of the window) longer than an exact log would make it wait. Entries expire one window plus a slot after
 * their last write; the grid cache is bounded (it may evict the least recently used keys under pressure, which only
 * forgets counts — a resource bound, never a way past someone else's limit).
 *
 * <p>Outside a container (plain unit tests) the same algorithm runs on a bounded map in this JVM.
 */
public class SlidingWindowLimit {

    private static final Logger LOG = Logger.getLogger(SlidingWindowLimit.class.getName());
    static final int SLOTS = 10;
    private static final int LOCAL_MAX_KEYS = 100_000;
    private static final int MAX_CAS_ROUNDS = 1_000;

    private final String name;
    private final int max;
    private final Duration window;
    private final Clock clock;
    private final long slotMillis;
    private final Supplier<SharedValues> store;
    private volatile SharedValues values;

    /** A limit whose counts are shared by every member under this name (keys of different names never mix). */
    public SlidingWindowLimit(String name, int max, Duration window, Clock clock) {
        this(name, max, window, clock, () -> gridOrLocal(window));
    }

    /** A limit on the given JCache cache (tests: a real JCache implementation). */
    public SlidingWindowLimit(String name, int max, Duration window, Clock clock, Cache<String, String> cache) {
        this(name, max, window, clock, () -> SharedValues.of(cache));
    }

    private SlidingWindowLimit(String name, int max, Duration window, Clock clock, Supplier<SharedValues> store) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        if (window.toMillis() < SLOTS) {
            throw new IllegalArgumentException("window must be at least " + SLOTS + " ms");
        }
        this.name = name;
        this.max = max;
        this.window = window;
        this.clock = clock;
        this.slotMillis = window.toMillis() / SLOTS;
        this.store = store;
    }

    /** The cache name for a window: one cache per window length, since expiry is a per-cache setting in JCache. */
    static String cacheName(Duration window) {
        return "faxgate-limits-" + window.toMillis() + "ms";
    }

    private static SharedValues gridOrLocal(Duration window) {
        Duration keep = window.plus(window.dividedBy(SLOTS)).plusSeconds(1);
        return GridCaches.ofContainer()
                .flatMap(grid -> grid.<String>expiringAfterWrite(cacheName(window), keep))
                .map(SharedValues::of)
                .orElseGet(() -> {
                    LOG.warning("no data grid: rate limits count in this JVM only");
                    return SharedValues.inThisJvm(LOCAL_MAX_KEYS);
                });
    }

    private SharedValues values() {
        SharedValues v = values;
        if (v == null) {
            synchronized (this) {
                if (values == null) {
                    values = store.get();
                }
                v = values;
            }
        }
        return v;
    }

    /**
     * Counts the event when it is within the limit. Empty when allowed; otherwise the time until enough counted
     * events have left the window (what a Retry-After header should say).
     */
    public Optional<Duration> tryAcquire(String key) {
        String gridKey = gridKey(key);
        SharedValues shared = values();
        for (int round = 0; round < MAX_CAS_ROUNDS; round++) {
            long nowMillis = clock.instant().toEpochMilli(); // not clock.millis(): JDK 17's sub-millisecond tick clocks divide by zero there
            long slot = Math.floorDiv(nowMillis, slotMillis);
            String before = shared.get(gridKey);
            Counts counts = Counts.parse(before, slot - SLOTS);
            Optional<Duration> wait = counts.waitFor(max, slot, nowMillis, slotMillis);
            if (wait.isPresent()) {
                return wait; // a refusal is not counted
            }
            String after = counts.plusOne(slot).format();
            boolean written = before == null ? shared.putIfAbsent(gridKey, after)
                    : shared.replace(gridKey, before, after);
            if (written) {
                return Optional.empty();
            }
            Thread.onSpinWait(); // somebody else counted meanwhile: look again
        }
        // Extreme contention on one key: refusing is the safe answer for a limit.
        return Optional.of(Duration.ofMillis(slotMillis));
    }

    /**
     * Whether the key is at its limit right now, without counting an event: the wait as {@link #tryAcquire} would
     * answer it, or empty when an event would be allowed.
     */
    public Optional<Duration> blockedFor(String key) {
        long nowMillis = clock.instant().toEpochMilli(); // not clock.millis(): JDK 17's sub-millisecond tick clocks divide by zero there
        long slot = Math.floorDiv(nowMillis, slotMillis);
        return Counts.parse(values().get(gridKey(key)), slot - SLOTS).waitFor(max, slot, nowMillis, slotMillis);
    }

    public int max() {
        return max;
    }

    public Duration window() {
        return window;
    }

    private String gridKey(String key) {
        return name + '\u0000' + (key == null ? "" : key);
    }

    /** Counts per slot, oldest first, of the slots still in the window. */
    private record Counts(long[] slots, long[] counts) {

        static Counts parse(String text, long oldestCounted) {
            if (text == null || text.isEmpty()) {
                return new Counts(new long[0], new long[0]);
            }
            String[] parts = text.split(",");
            long[] slots = new long[parts.length];
            long[] counts = new long[parts.length];
            int n = 0;
            for (String part : parts) {
                int colon = part.indexOf(':');
                long slot = Long.parseLong(part, 0, colon, 36);
                if (slot >= oldestCounted) {
                    slots[n] = slot;
                    counts[n] = Long.parseLong(part, colon + 1, part.length(), 36);
                    n++;
                }
            }
            return new Counts(java.util.Arrays.copyOf(slots, n), java.util.Arrays.copyOf(counts, n));
        }

        /**
         * Empty when one more event fits; else how long until enough of the oldest slots have left: slot
         * {@code s} stops counting when the current slot is {@code s + SLOTS + 1}.
         */
        Optional<Duration> waitFor(int max, long currentSlot, long nowMillis, long slotMillis) {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            if (total < max) {
                return Optional.empty();
            }
            for (int i = 0; i < slots.length; i++) {
                total -= counts[i];
                if (total < max) {
                    long freeAt = (slots[i] + SLOTS + 1) * slotMillis;
                    return Optional.of(Duration.ofMillis(Math.max(1, freeAt - nowMillis)));
                }
            }
            throw new IllegalStateException("unreachable: all slots removed yet still at the limit");
        }

        /** Members' clocks differ a little, so a slot may arrive out of order: keep the slots sorted. */
        Counts plusOne(long slot) {
            int n = slots.length;
            int at = 0;
            while (at < n && slots[at] < slot) {
                at++;
            }
            if (at < n && slots[at] == slot) {
                long[] counts = this.counts.clone();
                counts[at]++;
                return new Counts(slots, counts);
            }
            long[] slots = new long[n + 1];
            long[] counts = new long[n + 1];
            System.arraycopy(this.slots, 0, slots, 0, at);
            System.arraycopy(this.counts, 0, counts, 0, at);
            slots[at] = slot;
            counts[at] = 1;
            System.arraycopy(this.slots, at, slots, at + 1, n - at);
            System.arraycopy(this.counts, at, counts, at + 1, n - at);
            return new Counts(slots, counts);
        }

        String format() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < slots.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(Long.toString(slots[i], 36)).append(':').append(Long.toString(counts[i], 36));
            }
            return text.toString();
        }
    }
}
