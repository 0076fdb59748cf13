package io.faxgate.sso.boundary;

import io.faxgate.sso.saml.ReplayCache;
import java.time.Instant;

/**
 * The engine's replay cache for one tenant: the core's database store, so a tenant's quota and marks are the same
 * on every node and survive restarts. The engine calls it on the request thread, after every other rule passed.
 */
final class TenantReplayCache implements ReplayCache {

    private final SamlReplayFacade store;
    private final String slug;

    TenantReplayCache(SamlReplayFacade store, String slug) {
        this.store = store;
        this.slug = slug;
    }

    @Override
    public Result markUsed(String key, Instant expiresAt, Instant now) {
        return switch (store.markUsed(slug, key, expiresAt, now)) {
            case FIRST_USE -> Result.FIRST_USE;
            case REPLAYED -> Result.REPLAYED;
            case QUOTA_REACHED -> Result.FULL;
        };
    }
}
