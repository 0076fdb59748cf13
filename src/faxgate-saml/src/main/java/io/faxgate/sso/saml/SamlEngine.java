package io.faxgate.sso.saml;

/**
 * Faxgate's SAML 2.0 service provider engine: the one type the application depends on. The implementation behind it
 * (today Keycloak's saml-core, see {@link SamlEngines}) can be swapped without touching callers: no engine type
 * appears in this API.
 * <p>
 * Thread-safe. Owns threads: create one per application and {@link #close()} it at undeploy.
 */
public interface SamlEngine extends AuthnRequestFactory, SamlResponseValidator, SpMetadataWriter, SingleLogout, AutoCloseable {

    /** Stops the engine's threads (and with them the engine library's ThreadLocals). Further calls fail. */
    @Override
    void close();
}
