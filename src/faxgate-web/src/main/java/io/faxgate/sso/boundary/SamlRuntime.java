package io.faxgate.sso.boundary;

import io.faxgate.sso.saml.InMemoryReplayCache;
import io.faxgate.sso.saml.ReplayCache;
import io.faxgate.sso.saml.SamlEngine;
import io.faxgate.sso.saml.SamlEngines;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's one SAML engine (its threads end at undeploy), the assertion replay cache shared by all
 * tenants, and the logout requests we sent and still expect an answer to.
 */
@ApplicationScoped
public class SamlRuntime {

    private static final Duration LOGOUT_ANSWER_WITHIN = Duration.ofMinutes(10);
    private static final int MAX_OUTSTANDING_LOGOUTS = 10_000;

    private final SamlEngine engine = SamlEngines.keycloak();
    private final ReplayCache replayCache = new InMemoryReplayCache();
    private final Map<String, Instant> outstandingLogouts = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public SamlEngine engine() {
        return engine;
    }

    public ReplayCache replayCache() {
        return replayCache;
    }

    public void logoutSent(String requestId) {
        Instant now = clock.instant();
        outstandingLogouts.values().removeIf(until -> until.isBefore(now));
        if (outstandingLogouts.size() < MAX_OUTSTANDING_LOGOUTS) {
            outstandingLogouts.put(requestId, now.plus(LOGOUT_ANSWER_WITHIN));
        }
    }

    /** The ids of logout requests still awaiting an answer (an answer is accepted once). */
    public java.util.Set<String> outstandingLogouts() {
        Instant now = clock.instant();
        outstandingLogouts.values().removeIf(until -> until.isBefore(now));
        return java.util.Set.copyOf(outstandingLogouts.keySet());
    }

    public void logoutAnswered(String requestId) {
        outstandingLogouts.remove(requestId);
    }

    @PreDestroy
    void close() {
        engine.close();
    }
}
