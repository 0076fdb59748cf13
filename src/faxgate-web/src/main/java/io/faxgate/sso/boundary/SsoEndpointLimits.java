package io.faxgate.sso.boundary;

import io.faxgate.platform.control.AddressBlock;
import io.faxgate.platform.boundary.TooManyRequestsException;
import io.faxgate.platform.control.SlidingWindowLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits on the anonymous SSO endpoints, per client address within a sliding minute: {@code /sso/{t}/metadata}
 * ({@code faxgate.sso.metadata-per-minute}, default 30) and {@code /sso/{t}/slo}
 * ({@code faxgate.sso.slo-per-minute}, default 30). Entra and administrators fetch metadata a few times a day and a
 * person signs out once, so the defaults only stop floods. Refusals are audited once per tenant, reason and minute.
 */
@ApplicationScoped
public class SsoEndpointLimits {

    static final Duration WINDOW = Duration.ofMinutes(1);

    @Inject
    @ConfigProperty(name = "faxgate.sso.metadata-per-minute", defaultValue = "30")
    int metadataPerMinute;

    @Inject
    @ConfigProperty(name = "faxgate.sso.slo-per-minute", defaultValue = "30")
    int sloPerMinute;

    private SlidingWindowLimit metadata;
    private SlidingWindowLimit singleLogout;
    private SlidingWindowLimit audited;

    @PostConstruct
    void create() {
        Clock clock = Clock.systemUTC();
        metadata = new SlidingWindowLimit("sso-metadata-per-address", metadataPerMinute, WINDOW, clock);
        singleLogout = new SlidingWindowLimit("sso-slo-per-address", sloPerMinute, WINDOW, clock);
        audited = new SlidingWindowLimit("sso-endpoint-audit-reports", 1, WINDOW, clock);
    }

    /** Counts a metadata request; the seconds to wait when the address is over its limit. */
    Optional<Long> metadata(String address) {
        return metadata.tryAcquire(AddressBlock.keyOf(address)).map(TooManyRequestsException::retryAfterSeconds);
    }

    /** Counts a single-logout request; the seconds to wait when the address is over its limit. */
    Optional<Long> singleLogout(String address) {
        return singleLogout.tryAcquire(AddressBlock.keyOf(address)).map(TooManyRequestsException::retryAfterSeconds);
    }

    /** True once per tenant, reason and minute: whether this refusal should go into the tenant's audit log. */
    boolean firstInWindow(String tenant, String reason) {
        return audited.tryAcquire(tenant + "\n" + reason).isEmpty();
    }
}
