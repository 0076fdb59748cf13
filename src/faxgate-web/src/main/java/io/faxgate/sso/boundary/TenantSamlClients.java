package io.faxgate.sso.boundary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pac4j.core.client.Client;
import org.pac4j.core.client.Clients;

/**
 * pac4j's client registry, one {@link TenantSamlClient} per tenant, built on demand from the tenant's current
 * settings and rebuilt when they change (a saved certificate takes effect on the next sign-in).
 */
public class TenantSamlClients extends Clients {

    private final SamlConfigurations configurations;
    private final SamlSignInFacade signIn;
    private final SamlRuntime runtime;
    private final Map<String, TenantSamlClient> bySlug = new ConcurrentHashMap<>();

    public TenantSamlClients(SamlConfigurations configurations, SamlSignInFacade signIn, SamlRuntime runtime) {
        this.configurations = configurations;
        this.signIn = signIn;
        this.runtime = runtime;
    }

    @Override
    public Optional<Client> findClient(String name) {
        if (name == null || !name.startsWith(TenantSamlClient.NAME_PREFIX)) {
            return Optional.empty();
        }
        return forTenant(name.substring(TenantSamlClient.NAME_PREFIX.length())).map(Client.class::cast);
    }

    /** The tenant's client while its SSO is usable; empty for unknown tenants and switched-off SSO. */
    public Optional<TenantSamlClient> forTenant(String slug) {
        Optional<SamlTenantConfiguration> configuration = configurations.of(slug).filter(SamlTenantConfiguration::usable);
        if (configuration.isEmpty()) {
            bySlug.remove(slug);
            return Optional.empty();
        }
        return Optional.of(bySlug.compute(slug, (s, cached) ->
                cached != null && cached.settingsVersion() == configuration.get().settingsVersion() ? cached
                        : initialized(new TenantSamlClient(new SamlTenant(configuration.get()), runtime, signIn))));
    }

    /**
     * Initialised before any other request can see it. pac4j initialises a client lazily on first use, and a second
     * request arriving while the first one initialises skips initialisation (pac4j 6 counts the running attempt as a
     * recent one) and uses the half-built client: parallel first sign-ins of a tenant failed with a
     * NullPointerException in {@code IndirectClient.getRedirectionAction}. Inside {@code compute} the map holds other
     * requests for the slug until the client is complete.
     */
    private static TenantSamlClient initialized(TenantSamlClient client) {
        client.init();
        return client;
    }

    @Override
    public List<Client> findAllClients() {
        return List.copyOf(bySlug.values());
    }
}
