package io.faxgate.sso.saml;

import java.time.Instant;

/**
 * Remembers assertions that were accepted so that the same assertion is accepted at most once while it is valid.
 * Implementations must be thread-safe and atomic; a cluster needs a shared implementation (Faxgate's is a database
 * table, one quota per tenant: the application hands the engine a cache bound to the tenant being signed in to).
 * <p>
 * The engine calls it last, only for an assertion that passed every other rule, on the thread that called
 * {@code validate}, with {@code key} = hex SHA-256 of issuer and assertion ID (64 characters; the raw ID is never
 * stored) and {@code expiresAt} = the end of the assertion's acceptance window plus clock skew (at most
 * IssueInstant + {@link ResponseExpectations#maxAssertionLifetime()} + skew). An implementation may forget an
 * entry after {@code expiresAt}, never before.
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
