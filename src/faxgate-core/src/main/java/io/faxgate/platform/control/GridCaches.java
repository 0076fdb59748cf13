package io.faxgate.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Caches on Payara's data grid (Hazelcast behind standard JCache), shared by every member of the deployment group.
 * The CacheManager is the one Payara injects: calling {@code Caching.getCachingProvider()} ourselves would start a
 * second, separate Hazelcast. Values stored here are JDK types only (String, Long), so no member ever has to load
 * one of our classes to read them, and updates are compare-and-set ({@code putIfAbsent}, {@code replace(k, old,
 * new)}) rather than entry processors for the same reason.
 *
 * <p>Hazelcast gives such caches a default maximum size with eviction: fine for rate-limit counters and the
 * outstanding-logout ids (losing one fails closed or resets a counter), never use it for state whose loss would
 * open a hole.
 */
@ApplicationScoped
public class GridCaches {

    private static final Logger LOG = Logger.getLogger(GridCaches.class.getName());

    @Inject
    Instance<CacheManager> cacheManager;

    /**
     * The named cache of String keys and values whose entries expire {@code idle} after they were last written,
     * created on first use (by whichever member comes first). Empty when no data grid is available.
     */
    public <V> Optional<Cache<String, V>> expiringAfterWrite(String name, Duration idle) {
        if (cacheManager == null || cacheManager.isUnsatisfied()) {
            return Optional.empty();
        }
        CacheManager manager = cacheManager.get();
        Cache<String, V> cache = manager.getCache(name);
        if (cache != null) {
            return Optional.of(cache);
        }
        MutableConfiguration<String, V> config = new MutableConfiguration<String, V>()
                .setStoreByValue(true)
                .setStatisticsEnabled(false)
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, Math.max(1, idle.toMillis()))));
        try {
            return Optional.of(manager.createCache(name, config));
        } catch (CacheException createdMeanwhile) {
            // another member (or thread) created it between our look-up and createCache
            Cache<String, V> existing = manager.getCache(name);
            if (existing == null) {
                throw createdMeanwhile;
            }
            return Optional.of(existing);
        }
    }

    /**
     * The application's GridCaches for objects that are not CDI beans themselves; empty outside a container
     * (plain unit tests), where callers keep their state in memory.
     */
    public static Optional<GridCaches> ofContainer() {
        try {
            Instance<GridCaches> found = CDI.current().select(GridCaches.class);
            return found.isResolvable() ? Optional.of(found.get()) : Optional.empty();
        } catch (IllegalStateException | NoClassDefFoundError noContainer) {
            LOG.fine("no CDI container: state stays in this JVM");
            return Optional.empty();
        }
    }
}
