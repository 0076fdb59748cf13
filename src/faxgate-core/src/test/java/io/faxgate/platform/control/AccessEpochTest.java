package io.faxgate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two members (two AccessEpoch objects) on one real JCache cache, as on Payara's data grid. */
class AccessEpochTest {

    private CacheManager manager;
    private Cache<String, Long> grid;

    @BeforeEach
    void grid() {
        manager = Caching.getCachingProvider("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider")
                .getCacheManager();
        grid = manager.createCache("epoch-" + System.nanoTime(), new MutableConfiguration<String, Long>());
    }

    @AfterEach
    void close() {
        manager.destroyCache(grid.getName());
    }

    @Test
    void aChangeOnOneMemberIsSeenByTheOtherAtOnce() {
        AccessEpoch nodeA = new AccessEpoch(grid);
        AccessEpoch nodeB = new AccessEpoch(grid);
        long before = nodeB.current();
        assertThat(nodeA.current()).isEqualTo(before);
        nodeA.changed();
        assertThat(nodeB.current()).as("B's decisions cached under the old value are void").isNotEqualTo(before);
        assertThat(nodeB.current()).isEqualTo(nodeA.current());
    }

    @Test
    void aLostEntryNeverBringsBackAnOldValue() {
        AccessEpoch node = new AccessEpoch(grid);
        long cachedUnder = node.current();
        grid.clear(); // every member restarted, or the grid evicted the entry
        assertThat(node.current()).isNotEqualTo(cachedUnder);
    }

    @Test
    void withoutAGridItCountsInThisJvm() {
        AccessEpoch alone = new AccessEpoch();
        long before = alone.current();
        alone.changed();
        assertThat(alone.current()).isNotEqualTo(before);
    }
}
