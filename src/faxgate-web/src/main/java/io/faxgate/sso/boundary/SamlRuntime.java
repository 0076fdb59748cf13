package io.faxgate.sso.boundary;

import io.faxgate.sso.saml.InMemoryReplayCache;
import io.faxgate.sso.saml.ReplayCache;
import io.faxgate.sso.saml.SamlEngine;
import io.faxgate.sso.saml.SamlEngines;
import io.faxgate.sso.control.PendingLogouts;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The application's one SAML engine (its threads end at undeploy), the assertion replay cache shared by all
 * tenants, and the logout requests we sent and still expect an answer to (cluster-wide: {@link PendingLogouts}).
 */
@ApplicationScoped
public class SamlRuntime {

    private final SamlEngine engine = SamlEngines.keycloak();
    private final ReplayCache replayCache = new InMemoryReplayCache();

    @Inject
    PendingLogouts pendingLogouts;

    public SamlEngine engine() {
        return engine;
    }

    public ReplayCache replayCache() {
        return replayCache;
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
