package io.faxgate.fax.control;

import io.faxgate.platform.boundary.TooManyRequestsException;
import io.faxgate.platform.control.SlidingWindowLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How many faxes one person may queue per minute: a stolen session or a runaway script cannot flood a carrier. */
@ApplicationScoped
public class FaxSendLimit {

    @Inject
    @ConfigProperty(name = "faxgate.fax.sends-per-minute", defaultValue = "20")
    int perMinute;

    @Inject
    Clock clock;

    private SlidingWindowLimit limit;

    @PostConstruct
    void create() {
        limit = new SlidingWindowLimit("fax-sends-per-person", perMinute, Duration.ofMinutes(1), clock);
    }

    public void acquire(String principalName) {
        limit.tryAcquire(principalName).ifPresent(wait -> {
            throw new TooManyRequestsException("you can send at most " + perMinute + " faxes per minute", wait);
        });
    }
}
