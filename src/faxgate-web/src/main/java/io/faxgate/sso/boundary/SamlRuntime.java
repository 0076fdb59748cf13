package io.faxgate.sso.boundary;

import io.faxgate.sso.saml.ReplayCache;
import io.faxgate.sso.saml.SamlEngine;
import io.faxgate.sso.saml.SamlEngines;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's one SAML engine (its threads end at undeploy), each tenant's assertion replay cache (in the
 * database, see {@link SamlReplayFacade}), and the logout requests we sent and still expect an answer to.
 */
@ApplicationScoped
public class SamlRuntime {

    private static final Duration LOGOUT_ANSWER_WITHIN = Duration.ofMinutes(10);
    private static final int MAX_OUTSTANDING_LOGOUTS = 10_000;

    private final SamlEngine engine = SamlEngines.keycloak();
    private final Map<String, Instant> outstandingLogouts = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public SamlEngine engine() {
        return engine;
    }

    @Inject
    SamlReplayFacade replayStore;

    /** One-time use of a tenant's assertions: its own quota, shared by every node. */
    public ReplayCache replayCache(String tenantSlug) {
        return new TenantReplayCache(replayStore, tenantSlug);
    }

    /** How long after its IssueInstant an assertion is accepted at most ({@code faxgate.sso.replay.max-lifetime-minutes}). */
    public Duration maxAssertionLifetime() {
        return replayStore.maxAssertionLifetime();
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
