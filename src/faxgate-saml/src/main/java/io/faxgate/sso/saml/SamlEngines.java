package io.faxgate.sso.saml;

import io.faxgate.sso.saml.keycloak.KeycloakSamlEngine;

/** Creates engines. The only place that names an implementation. */
public final class SamlEngines {
    private SamlEngines() {
    }

    /** Keycloak saml-core based engine with 2 worker threads. */
    public static SamlEngine keycloak() {
        return new KeycloakSamlEngine(2);
    }

    /** Keycloak saml-core based engine; {@code threads} bounds concurrent SAML work (and memory under attack). */
    public static SamlEngine keycloak(int threads) {
        return new KeycloakSamlEngine(threads);
    }

    /**
     * Keycloak saml-core based engine whose callers wait at most {@code timeout} (then {@link SamlEngineBusyException}).
     */
    public static SamlEngine keycloak(int threads, java.time.Duration timeout) {
        return new KeycloakSamlEngine(threads, timeout);
    }
}
