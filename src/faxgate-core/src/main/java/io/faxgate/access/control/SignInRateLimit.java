package io.faxgate.access.control;

import io.faxgate.platform.control.AddressBlock;
import io.faxgate.platform.control.SlidingWindowLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * All sign-in attempts from one address — password form posts, wrong HTTP Basic credentials, SAML logins and
 * ACS posts — within a sliding minute ({@code faxgate.sign-in.attempts-per-minute}, default 60: a SAML sign-in takes up to three requests). Unlike
 * the account lockout ({@link io.faxgate.access.entity.AccountLockout}: wrong passwords for one account) this bounds
 * credential stuffing across many usernames and floods of SAML traffic. Addresses are counted by
 * {@link AddressBlock} (IPv6 by /64), so rotating through one's own IPv6 addresses does not give fresh allowances. Counted
 * cluster-wide (see {@link SlidingWindowLimit}).
 */
@ApplicationScoped
public class SignInRateLimit {

    @Inject
    @ConfigProperty(name = "faxgate.sign-in.attempts-per-minute", defaultValue = "60")
    int perMinute;

    @Inject
    Clock clock;

    private SlidingWindowLimit limit;
    /** One audit event per address and window, not per refused request: a limit of one report. */
    private SlidingWindowLimit reports;

    @PostConstruct
    void create() {
        limit = new SlidingWindowLimit("sign-in-per-address", perMinute, Duration.ofMinutes(1), clock);
        reports = new SlidingWindowLimit("sign-in-limit-reports", 1, Duration.ofMinutes(1), clock);
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
        return reports.tryAcquire(key(address)).isEmpty();
    }

    public int perMinute() {
        return perMinute;
    }

    private static String key(String address) {
        return AddressBlock.keyOf(address);
    }
}
