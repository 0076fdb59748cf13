package io.faxgate.sso.saml;

import java.time.Instant;

/**
 * Remembers assertion IDs that were accepted so that the same assertion is accepted at most once while it is valid.
 * Implementations must be thread-safe. A cluster needs a shared implementation (database, distributed cache).
 */
public interface ReplayCache {

    /** Outcome of {@link #markUsed}. */
    enum Result { FIRST_USE, REPLAYED, FULL }

    /**
     * Atomically records {@code key} until {@code expiresAt}.
     *
     * @return FIRST_USE if it was not known (and is now recorded), REPLAYED if it is already recorded and not expired,
     *         FULL if it cannot be recorded (the caller then refuses the assertion)
     */
    Result markUsed(String key, Instant expiresAt, Instant now);
}
