package io.faxgate.sso.boundary;

import io.faxgate.sso.control.UsedAssertions;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-time use of SAML assertions for the web tier's SAML engine: a tenant's replay cache lives in the database
 * (shared by every node, kept across restarts). Called before anyone is signed in, hence {@code @PermitAll}.
 */
@Stateless
@PermitAll
public class SamlReplayFacade {

    public static final int DEFAULT_MAX_LIFETIME_MINUTES = 120;

    @Inject
    Tenants tenants;

    @Inject
    UsedAssertions usedAssertions;

    @Inject
    @ConfigProperty(name = "faxgate.sso.replay.max-lifetime-minutes", defaultValue = "" + DEFAULT_MAX_LIFETIME_MINUTES)
    int maxLifetimeMinutes;

    /**
     * Marks an assertion used by the tenant, in a transaction of its own (kept even if the sign-in then fails).
     *
     * @param assertionKey hex SHA-256 of issuer + assertion ID, as the engine computes it
     */
    public UsedAssertions.Outcome markUsed(String slug, String assertionKey, Instant expiresAt, Instant now) {
        Tenant tenant = tenants.bySlug(slug).orElseThrow(() -> new IllegalArgumentException("unknown tenant " + slug));
        return usedAssertions.markUsed(tenant.getId(), assertionKey, expiresAt, now);
    }

    /**
     * How long after its IssueInstant an assertion is accepted at most, whatever its NotOnOrAfter says
     * ({@code faxgate.sso.replay.max-lifetime-minutes}, 1..1440, default 120): bounds how long a mark is kept.
     */
    public Duration maxAssertionLifetime() {
        return Duration.ofMinutes(Math.max(1, Math.min(maxLifetimeMinutes, 24 * 60)));
    }
}
