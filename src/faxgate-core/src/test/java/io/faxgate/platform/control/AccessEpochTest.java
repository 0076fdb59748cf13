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
    void aRequestReadsTheGridOnceYetSeesItsOwnMembersChangesAtOnce() {
        AccessEpoch nodeA = new AccessEpoch(grid);
        AccessEpoch nodeB = new AccessEpoch(grid);
        nodeA.thisRequest = new EpochOfThisRequest();
        long atStart = nodeA.current();
        nodeB.changed();
        assertThat(nodeA.current()).as("another member's change: seen by this member's next request").isEqualTo(atStart);
        nodeA.thisRequest = new EpochOfThisRequest(); // the next request
        long next = nodeA.current();
        assertThat(next).isNotEqualTo(atStart).isEqualTo(nodeB.current());
        nodeA.changed(); // committed by this request itself (e.g. a sign-in that changed memberships)
        assertThat(nodeA.current()).as("this member's own change: seen at once, in the same request")
                .isNotEqualTo(next).isEqualTo(grid.get("epoch"));
    }

    @Test
    void withoutAGridItCountsInThisJvm() {
        AccessEpoch alone = new AccessEpoch();
        long before = alone.current();
        alone.changed();
        assertThat(alone.current()).isNotEqualTo(before);
    }
}
