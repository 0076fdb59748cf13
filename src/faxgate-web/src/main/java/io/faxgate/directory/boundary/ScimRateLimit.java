package io.faxgate.directory.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token buckets: one per tenant ({@code faxgate.scim.rate-per-second}, env {@code FAXGATE_SCIM_RATE_PER_SECOND},
 * default 100 — Entra needs 25/s), and one per token that was created with a lower {@code ratePerSecond}. A bucket
 * holds one second's worth of requests, so short bursts pass. Per JVM (a cluster multiplies the rate by its size).
 */
@ApplicationScoped
public class ScimRateLimit {

    @Inject
    @ConfigProperty(name = "faxgate.scim.rate-per-second", defaultValue = "100")
    int tenantRate;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** 0 when the request may go ahead, else the whole seconds to wait (for Retry-After). */
    public long admit(ScimClient client) {
        if (client.ratePerSecond() != null) {
            long wait = bucket("token:" + client.tokenId(), client.ratePerSecond()).take(System.nanoTime());
            if (wait > 0) {
                return wait;
            }
        }
        return bucket("tenant:" + client.tenantId(), tenantRate).take(System.nanoTime());
    }

    private Bucket bucket(String key, int rate) {
        return buckets.computeIfAbsent(key + "@" + rate, k -> new Bucket(Math.max(1, rate)));
    }

    /** A classic token bucket; {@link #take} answers the seconds until a token is free (0 = taken now). */
    static final class Bucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(int perSecond) {
            this.perNano = perSecond / 1e9;
            this.capacity = perSecond;
            this.tokens = perSecond;
            this.last = System.nanoTime();
        }

        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double nanos = (1 - tokens) / perNano;
            return Math.max(1, (long) Math.ceil(nanos / 1e9));
        }
    }
}
