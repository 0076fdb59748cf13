package io.faxgate.sso.boundary;

import io.faxgate.sso.saml.ReplayCache;
import io.faxgate.sso.saml.SamlEngine;
import io.faxgate.sso.saml.SamlEngines;
import io.faxgate.sso.control.PendingLogouts;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The application's one SAML engine (its threads end at undeploy), each tenant's assertion replay cache (in the
 * database, see {@link SamlReplayFacade}), and the logout requests we sent and still expect an answer to
 * (cluster-wide: {@link PendingLogouts}).
 */
@ApplicationScoped
public class SamlRuntime {

    private final SamlEngine engine = SamlEngines.keycloak();

    @Inject
    PendingLogouts pendingLogouts;

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
        pendingLogouts.sent(requestId);
    }

    /** The ids of logout requests still awaiting an answer (an answer is accepted once). */
    public java.util.Set<String> outstandingLogouts() {
        return pendingLogouts.outstanding();
    }

    public void logoutAnswered(String requestId) {
        pendingLogouts.answered(requestId);
    }

    @PreDestroy
    void close() {
        engine.close();
    }
}
