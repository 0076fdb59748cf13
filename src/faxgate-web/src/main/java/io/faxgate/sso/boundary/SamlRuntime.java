package io.faxgate.sso.boundary;

import io.faxgate.sso.saml.ReplayCache;
import io.faxgate.sso.saml.SamlEngine;
import io.faxgate.sso.saml.SamlEngineBusyException;
import io.faxgate.sso.saml.SamlEngines;
import io.faxgate.sso.control.PendingLogouts;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The application's one SAML engine (its threads end at undeploy), each tenant's assertion replay cache (in the
 * database, see {@link SamlReplayFacade}), and the logout requests we sent and still expect an answer to
 * (cluster-wide: {@link PendingLogouts}). Anonymous
 * work (metadata signing, the IdP's logout messages) gets at most {@value #ANONYMOUS_PERMITS} of the engine's
 * threads (one per core, at least two), so a flood of it can never starve real sign-ins; every caller waits a bounded time.
 */
@ApplicationScoped
public class SamlRuntime {

    /** One engine thread per core (at least two): SAML work is CPU-bound, more threads would only queue in the OS. */
    static final int ENGINE_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final int ANONYMOUS_PERMITS = 1;
    /** Longest a request thread waits for the engine (queue time included); then 503. */
    private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(10);
    /** Longest anonymous work waits for its permit before it is turned away. */
    private static final Duration ANONYMOUS_WAIT = Duration.ofSeconds(1);

    /** Work that may throw the engine's checked refusal. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private final SamlEngine engine = SamlEngines.keycloak(ENGINE_THREADS, ENGINE_TIMEOUT);
    private final Semaphore anonymousWork = new Semaphore(ANONYMOUS_PERMITS);

    @Inject
    PendingLogouts pendingLogouts;

    public SamlEngine engine() {
        return engine;
    }

    /**
     * Runs work that anyone can trigger without signing in. Busy (no permit within a second, or the engine's own
     * timeout): {@link SamlEngineBusyException}, which the endpoints answer with 503 and Retry-After.
     */
    public <T, E extends Exception> T anonymous(Work<T, E> work) throws E {
        boolean permitted;
        try {
            permitted = anonymousWork.tryAcquire(ANONYMOUS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            permitted = false;
        }
        if (!permitted) {
            throw new SamlEngineBusyException("anonymous SAML work: all permits taken");
        }
        try {
            return work.run();
        } finally {
            anonymousWork.release();
        }
    }

    @Inject
    SamlReplayFacade replayStore;

    /** One-time use of a tenant's assertions: its own quota, shared by every node. */
    public ReplayCache replayCache(String tenantSlug) {
        return new TenantReplayCache(replayStore, tenantSlug);
    }

    /** Read once: a deployment's setting, like the facade's own injected value (saves an EJB call per sign-in). */
    private volatile Duration maxAssertionLifetime;

    /** How long after its IssueInstant an assertion is accepted at most ({@code faxgate.sso.replay.max-lifetime-minutes}). */
    public Duration maxAssertionLifetime() {
        Duration lifetime = maxAssertionLifetime;
        if (lifetime == null) {
            lifetime = replayStore.maxAssertionLifetime();
            maxAssertionLifetime = lifetime;
        }
        return lifetime;
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
