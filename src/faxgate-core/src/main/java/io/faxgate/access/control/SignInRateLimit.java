package io.faxgate.access.control;

import io.faxgate.platform.control.SlidingWindowLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * All sign-in attempts from one address — password form posts, wrong HTTP Basic credentials, SAML logins and
 * ACS posts — within a sliding minute ({@code faxgate.sign-in.attempts-per-minute}, default 60: a SAML sign-in takes up to three requests). Unlike
 * {@link SignInThrottle} (wrong passwords for one username) this bounds credential stuffing across many usernames
 * and floods of SAML traffic. Counted cluster-wide (see {@link SlidingWindowLimit}).
 */
@ApplicationScoped
public class SignInRateLimit {

    private static final int MAX_AUDITED_ADDRESSES = 10_000;

    @Inject
    @ConfigProperty(name = "faxgate.sign-in.attempts-per-minute", defaultValue = "60")
    int perMinute;

    @Inject
    Clock clock;

    private SlidingWindowLimit limit;
    /** When each address was last reported as limited: one audit event per address and window, not per request. */
    private final Map<String, Instant> reported = new ConcurrentHashMap<>();

    @PostConstruct
    void create() {
        limit = new SlidingWindowLimit("sign-in-per-address", perMinute, Duration.ofMinutes(1), clock);
    }

    /** Counts an attempt; the wait when the address is over the limit (and the attempt is refused). */
    public Optional<Duration> attempt(String address) {
        return limit.tryAcquire(key(address));
    }

    /** The wait when the address is over the limit now, without counting anything. */
    public Optional<Duration> blocked(String address) {
        return limit.blockedFor(key(address));
    }

    /** True once per address and window: whether this refusal should be audited. */
    public boolean firstRefusalInWindow(String address) {
        Instant now = clock.instant();
        if (reported.size() >= MAX_AUDITED_ADDRESSES) {
            reported.clear();
        }
        boolean[] first = {false};
        reported.compute(key(address), (k, last) -> {
            if (last == null || !last.isAfter(now.minus(limit.window()))) {
                first[0] = true;
                return now;
            }
            return last;
        });
        return first[0];
    }

    public int perMinute() {
        return perMinute;
    }

    private static String key(String address) {
        return address == null ? "" : address;
    }
}
