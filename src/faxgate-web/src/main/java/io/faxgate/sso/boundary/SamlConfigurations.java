package io.faxgate.sso.boundary;

import io.faxgate.platform.control.AccessEpoch;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Each tenant's SAML configuration and the IdP certificates its sessions may rest on, remembered until the
 * {@link AccessEpoch} moves. Every SSO request needs them (a sign-in three times, every request of a SAML session once);
 * read from the database they cost four queries and two key unsealings each time.
 *
 * <p>Safe to remember because everything they are made of moves the cluster-wide epoch when it changes: the tenant
 * (SSO allowed), its SSO settings (certificates, switched off) and its SP key pairs all carry the
 * {@code AccessChangeListener}. A change committed on any node is therefore seen on every node's next request, as
 * with access decisions. Only tenants that exist are remembered, so invented tenant names cannot grow the maps.
 */
@ApplicationScoped
public class SamlConfigurations {

    /** A value and the epoch it was read at (read before loading: a change during the load leaves it stale, never wrong). */
    private record Remembered<T>(long epoch, long readAtNanos, T value) {
    }

    @EJB
    SamlSignInFacade signIn;

    @Inject
    AccessEpoch accessEpoch;

    private LongSupplier epoch;
    private final Map<String, Remembered<SamlTenantConfiguration>> configurations = new ConcurrentHashMap<>();
    private final Map<String, Remembered<Set<String>>> trusted = new ConcurrentHashMap<>();

    public SamlConfigurations() {
    }

    /** Outside the container (tests): the core facade and an epoch source of their own. */
    public SamlConfigurations(SamlSignInFacade signIn, LongSupplier epoch) {
        this.signIn = signIn;
        this.epoch = epoch;
    }

    @PostConstruct
    void start() {
        if (epoch == null) {
            epoch = accessEpoch::current;
        }
    }

    /** Empty for an unknown tenant (see {@link SamlSignInFacade#configuration}). */
    public Optional<SamlTenantConfiguration> of(String slug) {
        return remembered(configurations, slug, signIn::configuration);
    }

    /** The SHA-256 thumbprints of the IdP certificates trusted now; empty when the tenant's SSO is off or unknown. */
    public Optional<Set<String>> trustedCertificates(String slug) {
        return remembered(trusted, slug, signIn::trustedCertificates);
    }

    private <T> Optional<T> remembered(Map<String, Remembered<T>> map, String slug, Function<String, Optional<T>> load) {
        long now = epoch.getAsLong();
        long nanos = System.nanoTime();
        Remembered<T> known = map.get(slug);
        if (known != null && known.epoch() == now && nanos - known.readAtNanos() < AccessEpoch.UNANNOUNCED_CHANGE_BACKSTOP_NANOS) {
            return Optional.of(known.value());
        }
        Optional<T> loaded = load.apply(slug);
        if (loaded.isPresent()) {
            map.put(slug, new Remembered<>(now, nanos, loaded.get()));
        } else {
            map.remove(slug);
        }
        return loaded;
    }
}
