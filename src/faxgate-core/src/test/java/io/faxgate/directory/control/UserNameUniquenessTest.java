package io.faxgate.directory.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.platform.control.Databases;
import io.faxgate.platform.control.SchemaMigration;
import io.faxgate.tenant.entity.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One userName rule, enforced by the database: unique per tenant ignoring case (issue 11 item 9). The attack: a SAML
 * just-in-time {@code Bob@x} beside the SCIM-provisioned {@code bob@x} — two Faxgate users for what reads as one name.
 */
class UserNameUniquenessTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void theDatabaseRefusesANameDifferingOnlyInCase(String name, Supplier<DataSource> database) {
        EntityManagerFactory emf = Databases.migrateAndOpen(database.get());
        EntityManager em = emf.createEntityManager();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            em.getTransaction().begin();
            Tenant acme = new Tenant("acme", "Acme", true, now);
            Tenant globex = new Tenant("globex", "Globex", true, now);
            em.persist(acme);
            em.persist(globex);
            em.flush();
            em.persist(new DirectoryUser(acme.getId(), "oid-scim", "bob@x.test", DirectorySource.SCIM, now));
            em.persist(new DirectoryUser(globex.getId(), "oid-other", "BOB@x.test", DirectorySource.SCIM, now));
            em.getTransaction().commit();

            em.getTransaction().begin();
            em.persist(new DirectoryUser(acme.getId(), "oid-saml", "Bob@X.test", DirectorySource.SAML, now));
            assertThatThrownBy(em::flush).as("Bob@X.test beside bob@x.test in one tenant").isInstanceOf(PersistenceException.class);
            em.getTransaction().rollback();

            em.getTransaction().begin();
            DirectoryUser other = new DirectoryUser(acme.getId(), "oid-2", "robert@x.test", DirectorySource.SCIM, now);
            em.persist(other);
            em.flush();
            other.describe("BOB@x.TEST", null, "Bob", now);
            assertThatThrownBy(em::flush).as("renaming onto another user's name, differing in case").isInstanceOf(PersistenceException.class);
            em.getTransaction().rollback();
        } finally {
            em.close();
            emf.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void theMigrationNamesExistingClashesAndChangesNothing(String name, Supplier<DataSource> database) throws SQLException {
        DataSource ds = database.get();
        migrateTo(ds, "4");
        long acme = 1;
        insertTenant(ds, acme, "acme");
        insertTenant(ds, 2, "globex");
        insertUser(ds, 10, acme, "bob@x.test", "SCIM", "bob@x.test");
        insertUser(ds, 11, acme, "Bob@X.test", "SAML", null);
        insertUser(ds, 12, 2, "BOB@x.test", "SCIM", null); // another tenant: no clash

        assertThatThrownBy(() -> SchemaMigration.apply(ds, getClass().getClassLoader()))
                .isInstanceOf(FlywayException.class).rootCause()
                .hasMessageContaining("1 userName(s) exist more than once")
                .hasMessageContaining("tenant acme").hasMessageContaining("id 10, userName 'bob@x.test', source SCIM")
                .hasMessageContaining("id 11, userName 'Bob@X.test', source SAML")
                .hasMessageContaining("docs/directory-sync.md")
                .hasMessageNotContaining("globex");

        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM directory_user WHERE id = 11")) {
            s.executeUpdate();
        }
        repairIfFailureRecorded(ds);
        SchemaMigration.apply(ds, getClass().getClassLoader());
        try (Connection c = ds.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT user_name_key FROM directory_user WHERE id = 12")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).as("keys missing before are filled by the migration").isEqualTo("bob@x.test");
        }
        assertThatThrownBy(() -> insertUser(ds, 13, acme, "BOB@X.TEST", "SAML", "bob@x.test"))
                .as("after the migration the database itself refuses the clash").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> insertUser(ds, 14, acme, "carol@x.test", "SAML", null))
                .as("the key can no longer be left out").isInstanceOf(SQLException.class);
    }

    private static void migrateTo(DataSource ds, String version) {
        Flyway.configure(UserNameUniquenessTest.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .target(version).load().migrate();
    }

    /** On H2 (DDL not transactional for Flyway) a failed migration is recorded; an operator runs repair. */
    private static void repairIfFailureRecorded(DataSource ds) {
        Flyway.configure(UserNameUniquenessTest.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .load().repair();
    }

    private static void insertTenant(DataSource ds, long id, String slug) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO tenant (id, version, slug, name, sso_allowed, created_at, updated_at) VALUES (?, 1, ?, ?, TRUE, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, slug);
            s.setString(3, slug);
            s.setTimestamp(4, now);
            s.setTimestamp(5, now);
            s.executeUpdate();
        }
    }

    private static void insertUser(DataSource ds, long id, long tenantId, String userName, String source, String key)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO directory_user (id, version, tenant_id, external_id, user_name, user_name_key, active, source,
                created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, TRUE, ?, ?, ?)""")) {
            s.setLong(1, id);
            s.setLong(2, tenantId);
            s.setString(3, "oid-" + id);
            s.setString(4, userName);
            s.setString(5, key);
            s.setString(6, source);
            s.setTimestamp(7, now);
            s.setTimestamp(8, now);
            s.executeUpdate();
        }
    }
}
