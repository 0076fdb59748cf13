package io.faxgate.directory.boundary;

import io.faxgate.platform.control.SlidingWindowLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests per second: one allowance per tenant ({@code faxgate.scim.rate-per-second}, env
 * {@code FAXGATE_SCIM_RATE_PER_SECOND}, default 100 — Entra needs 25/s), and one per token that was created with a
 * lower {@code ratePerSecond}. Counted cluster-wide on the data grid ({@link SlidingWindowLimit}), so more nodes do
 * not multiply the rate.
 */
@ApplicationScoped
public class ScimRateLimit {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Inject
    @ConfigProperty(name = "faxgate.scim.rate-per-second", defaultValue = "100")
    int tenantRate;

    @Inject
    Clock clock;

    /** One limit per rate (token rates are few distinct numbers); the counts themselves live on the grid. */
    private final Map<Integer, SlidingWindowLimit> limits = new ConcurrentHashMap<>();

    /** 0 when the request may go ahead, else the whole seconds to wait (for Retry-After). */
    public long admit(ScimClient client) {
        if (client.ratePerSecond() != null) {
            long wait = seconds(limit(client.ratePerSecond()).tryAcquire("token:" + client.tokenId()));
            if (wait > 0) {
                return wait;
            }
        }
        return seconds(limit(tenantRate).tryAcquire("tenant:" + client.tenantId()));
    }

    private SlidingWindowLimit limit(int rate) {
        int perSecond = Math.max(1, rate);
        return limits.computeIfAbsent(perSecond,
                r -> new SlidingWindowLimit("scim-per-second/" + r, r, SECOND, clock));
    }

    private static long seconds(Optional<Duration> wait) {
        return wait.map(w -> Math.max(1, (w.toMillis() + 999) / 1000)).orElse(0L);
    }
}
