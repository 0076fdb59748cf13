package io.faxgate.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.audit.control.AuditVerification;
import io.faxgate.platform.control.Databases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The sealer, the verification and the retention purge against both real databases: the same events give the same
 * chain head on H2 and PostgreSQL (the canonical form does not depend on the database), SQL tampering is named, and
 * a purge leaves a verifiable chain.
 */
class AuditChainDatabaseTest {

    static final long TENANT = 4242;
    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void theSameEventsGiveTheSameChainOnPostgresqlAndH2() {
        String postgres = sealedHead(Databases.freshPostgres());
        String h2 = sealedHead(Databases.freshH2());
        assertThat(postgres).hasSize(64).isEqualTo(h2);
    }

    @Test
    void tamperingIsNamedAndAPurgeKeepsTheChainVerifiable() {
        DataSource ds = Databases.freshPostgres();
        EntityManagerFactory emf = prepare(ds);
        seal(emf);
        assertThat(verify(emf).intact()).isTrue();

        jdbc(ds, "UPDATE audit_event SET detail = 'edited' WHERE id = 3");
        AuditVerification broken = verify(emf);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBroken().eventId()).isEqualTo(3);
        assertThat(broken.firstBroken().problem()).isEqualTo("CHANGED");

        AuditPurge purge = new AuditPurge();
        purge.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThat(inTransaction(emf, (EntityManager em) -> {
            purge.em = em;
            return (Integer) purge.purgeBefore(TENANT, NOW, 100);
        }).intValue()).as("a broken segment is not purged: it is evidence").isZero();

        jdbc(ds, "UPDATE audit_event SET detail = 'detail 3' WHERE id = 3");
        assertThat(verify(emf).intact()).isTrue();
        // events 1..3 are older than the cutoff (day 1..3), 4..5 newer
        int purged = inTransaction(emf, (EntityManager em) -> {
            purge.em = em;
            return (Integer) purge.purgeBefore(TENANT, Instant.parse("2026-01-03T12:00:00Z"), 100);
        });
        assertThat(purged).isEqualTo(3);
        AuditVerification after = verify(emf);
        assertThat(after.intact()).as(String.valueOf(after.firstBroken())).isTrue();
        assertThat(after.events()).isEqualTo(2);
        assertThat(after.anchorPosition()).isEqualTo(3);
        assertThat(after.purgedEvents()).isEqualTo(3);

        jdbc(ds, "DELETE FROM audit_event WHERE id = 4");
        AuditVerification removed = verify(emf);
        assertThat(removed.firstBroken().problem()).isEqualTo("REMOVED");
        assertThat(removed.firstBroken().position()).isEqualTo(4);
        emf.close();
    }

    private static String sealedHead(DataSource ds) {
        EntityManagerFactory emf = prepare(ds);
        seal(emf);
        AuditVerification v = verify(emf);
        assertThat(v.intact()).isTrue();
        assertThat(v.events()).isEqualTo(5);
        String head = inTransaction(emf, em -> (String) em.createNativeQuery(
                "SELECT last_hash FROM audit_chain WHERE chain_key = " + TENANT).getSingleResult());
        emf.close();
        return head;
    }

    /** A tenant and five events with fixed ids, times with microseconds, and text beyond ASCII. */
    private static EntityManagerFactory prepare(DataSource ds) {
        EntityManagerFactory emf = Databases.migrateAndOpen(ds);
        jdbc(ds, "INSERT INTO tenant (id, version, slug, name, sso_allowed, created_at, updated_at) VALUES (" + TENANT
                + ", 1, 'acme', 'Acme', FALSE, TIMESTAMP '2026-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00')");
        for (int i = 1; i <= 5; i++) {
            try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO audit_event (id,"
                    + " tenant_id, occurred_at, actor, type, outcome, target, detail, source_ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, i);
                s.setLong(2, TENANT);
                s.setObject(3, LocalDateTime.of(2026, 1, i, 10, 15, 30, 123_456_000));
                s.setString(4, "local:zoë-" + i);
                s.setString(5, "LOCAL_SIGN_IN");
                s.setString(6, "SUCCESS");
                s.setString(7, i == 2 ? null : "Müller ✓ " + i);
                s.setString(8, "detail " + i);
                s.setString(9, "2001:db8::" + i);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return emf;
    }

    private static void seal(EntityManagerFactory emf) {
        AuditSealer sealer = new AuditSealer();
        sealer.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        inTransaction(emf, em -> {
            sealer.em = em;
            sealer.open(TENANT);
            return null;
        });
        int sealed = inTransaction(emf, (EntityManager em) -> {
            sealer.em = em;
            return (Integer) sealer.seal(TENANT, 1000);
        });
        assertThat(sealed).isEqualTo(5);
    }

    private static AuditVerification verify(EntityManagerFactory emf) {
        AuditVerifier verifier = new AuditVerifier();
        return inTransaction(emf, em -> {
            verifier.em = em;
            return verifier.verify(TENANT);
        });
    }

    private static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            em.close();
        }
    }

    private static void jdbc(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
