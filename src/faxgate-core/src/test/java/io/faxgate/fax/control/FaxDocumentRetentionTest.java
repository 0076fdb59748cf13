package io.faxgate.fax.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.platform.control.Databases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Retention empties old fax documents — but not those of faxes still being sent, and not new ones. */
class FaxDocumentRetentionTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void oldDocumentsOfFinishedFaxesAreEmptied(String name, Supplier<DataSource> database) {
        DataSource ds = database.get();
        EntityManagerFactory emf = Databases.migrateAndOpen(ds);
        sql(ds, "INSERT INTO tenant (id, version, slug, name, sso_allowed, created_at, updated_at) VALUES (1, 1, 'acme', 'Acme', FALSE, TIMESTAMP '2025-01-01 00:00:00', TIMESTAMP '2025-01-01 00:00:00')");
        sql(ds, "INSERT INTO fax_line (id, version, tenant_id, number, label, created_at) VALUES (1, 1, 1, '+4930123456', 'Main', TIMESTAMP '2025-01-01 00:00:00')");
        document(ds, 10, "2025-01-01 00:00:00", "SENT");     // old, finished: emptied
        document(ds, 11, "2025-01-01 00:00:00", "QUEUED");   // old, still to send: kept
        document(ds, 12, "2026-12-01 00:00:00", "RECEIVED"); // new: kept

        EntityManager em = emf.createEntityManager();
        FaxDocumentRetention retention = new FaxDocumentRetention();
        retention.em = em;
        em.getTransaction().begin();
        int emptied = retention.purgeCreatedBefore(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-12-06T00:00:00Z"));
        em.getTransaction().commit();
        assertThat(emptied).isEqualTo(1);

        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, size_bytes, purged_at FROM fax_document ORDER BY id").getResultList();
        assertThat(rows).extracting(r -> ((Number) r[0]).longValue(), r -> ((Number) r[1]).longValue(), r -> r[2] != null)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10L, 3L, true),
                        org.assertj.core.groups.Tuple.tuple(11L, 3L, false), org.assertj.core.groups.Tuple.tuple(12L, 3L, false));
        assertThat(((Number) em.createNativeQuery("SELECT count(*) FROM fax_document WHERE id = 10 AND "
                + (name.equals("H2") ? "OCTET_LENGTH(content)" : "length(content)") + " = 0").getSingleResult()).intValue()).isEqualTo(1);
        em.close();
        emf.close();
    }

    private static void document(DataSource ds, long id, String created, String status) {
        try (Connection c = ds.getConnection(); var s = c.prepareStatement("INSERT INTO fax_document (id, tenant_id,"
                + " content_type, size_bytes, sha256, content, created_at) VALUES (?, 1, 'application/pdf', 3, 'abc', ?,"
                + " TIMESTAMP '" + created + "')")) {
            s.setLong(1, id);
            s.setBytes(2, new byte[] {0x25, 0x50, 0x44});
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        sql(ds, "INSERT INTO fax (id, version, tenant_id, fax_line_id, direction, status, remote_number, pages, document_id,"
                + " created_at, updated_at) VALUES (" + id + ", 1, 1, 1, 'OUTBOUND', '" + status + "', '+4930999999', 1, " + id
                + ", TIMESTAMP '" + created + "', TIMESTAMP '" + created + "')");
    }

    private static void sql(DataSource ds, String statement) {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
