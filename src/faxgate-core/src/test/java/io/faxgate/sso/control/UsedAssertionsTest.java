package io.faxgate.sso.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.platform.control.Databases;
import io.faxgate.sso.control.UsedAssertions.Outcome;
import io.faxgate.sso.entity.UsedAssertion;
import io.faxgate.tenant.entity.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database replay store against real PostgreSQL (and H2): first use decided by the primary key even when
 * several "nodes" (connections) race, one quota per tenant, purge only after expiry. Each call runs in its own
 * transaction, as {@link UsedAssertions#markUsed} does with REQUIRES_NEW.
 */
class UsedAssertionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));

    private EntityManagerFactory emf;
    private long acme;
    private long globex;

    @AfterEach
    void close() {
        if (emf != null) {
            emf.close();
        }
    }

    private void start(Supplier<DataSource> database) {
        emf = Databases.migrateAndOpen(database.get());
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        Tenant a = new Tenant("acme", "Acme", true, NOW.truncatedTo(ChronoUnit.MILLIS));
        Tenant g = new Tenant("globex", "Globex", true, NOW.truncatedTo(ChronoUnit.MILLIS));
        em.persist(a);
        em.persist(g);
        em.getTransaction().commit();
        em.close();
        acme = a.getId();
        globex = g.getId();
    }

    private Outcome mark(long tenantId, String key, Instant expiresAt, Instant now, int quota) {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        try {
            Outcome o = UsedAssertions.record(em, tenantId, key, expiresAt, now, quota);
            if (o == Outcome.FIRST_USE) {
                em.getTransaction().commit();
            } else {
                em.getTransaction().rollback();
            }
            return o;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private Outcome mark(long tenantId, String key) {
        return mark(tenantId, key, IN_AN_HOUR, NOW, 100);
    }

    private long rows() {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("select count(u) from UsedAssertion u", Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }

    static String key(String assertionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("https://sts.windows.net/t/\0" + assertionId).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void secondUseIsAReplayAndLeavesNothingBehind(String name, Supplier<DataSource> database) {
        start(database);
        assertThat(mark(acme, key("_a"))).isEqualTo(Outcome.FIRST_USE);
        assertThat(mark(acme, key("_a"))).isEqualTo(Outcome.REPLAYED);
        // a replay long after the mark's expiry but before the purge is still a replay (fail closed)
        assertThat(mark(acme, key("_a"), IN_AN_HOUR, IN_AN_HOUR.plusSeconds(1), 100)).isEqualTo(Outcome.REPLAYED);
        assertThat(rows()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void keysArePerTenant(String name, Supplier<DataSource> database) {
        start(database);
        assertThat(mark(acme, key("_a"))).isEqualTo(Outcome.FIRST_USE);
        assertThat(mark(globex, key("_a"))).isEqualTo(Outcome.FIRST_USE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void aFullTenantRefusesOnlyItself(String name, Supplier<DataSource> database) {
        start(database);
        for (int i = 0; i < 3; i++) {
            assertThat(mark(acme, key("_flood" + i), IN_AN_HOUR, NOW, 3)).isEqualTo(Outcome.FIRST_USE);
        }
        assertThat(mark(acme, key("_genuine"), IN_AN_HOUR, NOW, 3)).isEqualTo(Outcome.QUOTA_REACHED);
        assertThat(mark(globex, key("_genuine"), IN_AN_HOUR, NOW, 3)).isEqualTo(Outcome.FIRST_USE);
        // once the flood's marks expire the tenant signs in again (expired rows do not count, purged or not)
        assertThat(mark(acme, key("_genuine"), IN_AN_HOUR.plusSeconds(61), IN_AN_HOUR.plusSeconds(1), 3))
                .isEqualTo(Outcome.FIRST_USE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void racingNodesGetExactlyOneFirstUse(String name, Supplier<DataSource> database) throws Exception {
        start(database);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 5; round++) {
                String k = key("_race" + round);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Outcome>> results = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return mark(acme, k);
                    }));
                }
                go.countDown();
                List<Outcome> outcomes = new ArrayList<>();
                for (Future<Outcome> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).as("round " + round).containsOnlyOnce(Outcome.FIRST_USE)
                        .filteredOn(o -> o != Outcome.FIRST_USE).containsOnly(Outcome.REPLAYED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void purgeRemovesOnlyMarksThatExpiredBeforeTheGrace(String name, Supplier<DataSource> database) {
        start(database);
        mark(acme, key("_old"), NOW.minus(Duration.ofMinutes(10)), NOW.minus(Duration.ofHours(1)), 100);
        mark(acme, key("_justExpired"), NOW.minus(Duration.ofMinutes(1)), NOW.minus(Duration.ofHours(1)), 100);
        mark(acme, key("_live"), IN_AN_HOUR, NOW, 100);
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        assertThat(UsedAssertions.purge(em, NOW)).isEqualTo(1);
        em.getTransaction().commit();
        assertThat(em.createQuery("select u.assertionKey from UsedAssertion u", String.class).getResultList())
                .containsExactlyInAnyOrder(key("_justExpired"), key("_live"));
        em.close();
        assertThat(mark(acme, key("_live"))).isEqualTo(Outcome.REPLAYED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void onlyHashedKeysAreStored(String name, Supplier<DataSource> database) {
        start(database);
        assertThatThrownBy(() -> mark(acme, "_raw-assertion-id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mark(acme, "x".repeat(5000))).isInstanceOf(IllegalArgumentException.class);
        assertThat(rows()).isZero();
        EntityManager em = emf.createEntityManager();
        assertThat(em.find(UsedAssertion.class, new UsedAssertion.Key(acme, key("_a")))).isNull();
        em.close();
    }
}
