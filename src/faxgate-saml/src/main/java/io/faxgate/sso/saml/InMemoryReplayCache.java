package io.faxgate.sso.saml;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Single-JVM replay cache: bounded, entries expire at the assertion's end of validity. When full of unexpired entries it
 * answers {@link Result#FULL} instead of evicting (evicting would let a replay through). Thread-safe (one lock; the
 * critical section is a map operation, purges are amortised).
 */
public final class InMemoryReplayCache implements ReplayCache {

    private final int maxEntries;
    private final Map<String, Instant> entries = new HashMap<>();
    private Instant nextPurge = Instant.MIN;

    public InMemoryReplayCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /** 100 000 entries: far more sign-ins than one node sees in an assertion lifetime (~70 min for Entra). */
    public InMemoryReplayCache() {
        this(100_000);
    }

    @Override
    public synchronized Result markUsed(String key, Instant expiresAt, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(now, "now");
        Instant known = entries.get(key);
        if (known != null && known.isAfter(now)) {
            return Result.REPLAYED;
        }
        if (known == null && entries.size() >= maxEntries) {
            purge(now);
            if (entries.size() >= maxEntries) {
                return Result.FULL;
            }
        } else if (!now.isBefore(nextPurge)) {
            purge(now);
        }
        entries.put(key, expiresAt);
        return Result.FIRST_USE;
    }

    public synchronized int size() {
        return entries.size();
    }

    private void purge(Instant now) {
        for (Iterator<Instant> it = entries.values().iterator(); it.hasNext(); ) {
            if (!it.next().isAfter(now)) {
                it.remove();
            }
        }
        nextPurge = now.plusSeconds(60);
    }
}
