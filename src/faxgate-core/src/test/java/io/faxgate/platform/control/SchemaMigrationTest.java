package io.faxgate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.access.entity.LocalAccount;
import io.faxgate.access.entity.LocalAccountKind;
import io.faxgate.access.entity.Permission;
import io.faxgate.access.entity.PermissionGrant;
import io.faxgate.access.entity.RoleMapping;
import io.faxgate.audit.entity.AuditEvent;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.GroupMembership;
import io.faxgate.directory.entity.ScimToken;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.fax.entity.FaxLine;
import io.faxgate.sso.entity.SpKeyPair;
import io.faxgate.sso.entity.SpKeyUse;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoSettings;
import io.faxgate.tenant.entity.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Flyway migrations build the schema on both supported databases, and every entity and named query maps onto
 * that schema (EclipseLink, the provider Payara ships), including optimistic locking and tenant-scoped queries.
 */
class SchemaMigrationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void migrationsApplyAndAreIdempotent(String name, Supplier<DataSource> database) {
        DataSource ds = database.get();
        MigrateResult first = SchemaMigration.apply(ds, getClass().getClassLoader());
        MigrateResult second = SchemaMigration.apply(ds, getClass().getClassLoader());

        assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(1);
        assertThat(second.migrationsExecuted).isZero();
        assertThat(second.targetSchemaVersion).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void everyEntityAndQueryMapsOntoTheMigratedSchema(String name, Supplier<DataSource> database) throws SQLException {
        DataSource ds = database.get();
        EntityManagerFactory emf = Databases.migrateAndOpen(ds);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            Tenant acme = new Tenant("acme", "Acme Corp", true, now);
            Tenant globex = new Tenant("globex", "Globex", false, now);
            em.persist(acme);
            em.persist(globex);
            em.flush();
            SsoSettings settings = new SsoSettings(acme.getId(), now);
            settings.replace(SsoConfiguration.defaults(), now);
            em.persist(settings);
            em.persist(new SpKeyPair(acme.getId(), "-----BEGIN CERTIFICATE-----", "v1:sealed", now));
            SecurityGroup sales = new SecurityGroup(acme.getId(), "8f1c0000-0000-0000-0000-000000000001", "Sales", DirectorySource.SCIM, now);
            SecurityGroup foreign = new SecurityGroup(globex.getId(), "8f1c0000-0000-0000-0000-000000000001", "Sales", DirectorySource.SCIM, now);
            em.persist(sales);
            em.persist(foreign);
            FaxLine line = new FaxLine(acme.getId(), "+4930123456", "Berlin sales", now);
            line.bind(sales);
            em.persist(line);
            FaxLine foreignLine = new FaxLine(globex.getId(), "+4930999999", "Globex", now);
            foreignLine.bind(foreign);
            em.persist(foreignLine);
            DirectoryUser alice = new DirectoryUser(acme.getId(), "oid-alice", "alice@acme.test", DirectorySource.SAML, now);
            alice.describe("alice@acme.test", "alice@acme.test", "Alice", now);
            em.persist(alice);
            em.flush();
            em.persist(new GroupMembership(acme.getId(), sales.getId(), alice.getId()));
            em.persist(new GroupMembership(globex.getId(), foreign.getId(), alice.getId()));
            em.persist(new RoleMapping(acme.getId(), "Faxgate.Admin", Permission.MANAGE_SSO));
            em.persist(new PermissionGrant(acme.getId(), alice.getId(), Permission.SEND_FAXES, "admin", now));
            em.persist(LocalAccount.operator("operator", "hash", now));
            em.persist(LocalAccount.tenantAdmin(acme.getId(), "admin@acme", "hash", now));
            // Usernames are per tenant (V7_2): the same console username in two tenants and for an operator.
            em.persist(LocalAccount.webStaff(acme.getId(), alice.getId(), "bob", "hash", now));
            em.persist(LocalAccount.webStaff(globex.getId(), alice.getId(), "bob", "hash", now));
            em.persist(LocalAccount.operator("bob", "hash", now));
            em.persist(new ScimToken(acme.getId(), "Entra", "ab".repeat(32), "fxg_abcd", now));
            em.persist(new AuditEvent(acme.getId(), now, "local:operator", "TENANT_CREATED", AuditOutcome.SUCCESS, "acme", "d", "127.0.0.1"));
            em.getTransaction().commit();
            em.clear();

            List<FaxLine> reachable = em.createNamedQuery(FaxLine.REACHABLE_BY_USER, FaxLine.class)
                    .setParameter("tenantId", acme.getId()).setParameter("userId", alice.getId()).getResultList();
            assertThat(reachable).extracting(FaxLine::getNumber)
                    .as("the membership row planted in the other tenant must not reach its line")
                    .containsExactly("+4930123456");
            assertThat(em.createNamedQuery(FaxLine.OF_TENANT, FaxLine.class).setParameter("tenantId", globex.getId())
                    .getResultList()).extracting(FaxLine::getNumber).containsExactly("+4930999999");
            assertThat(em.createNamedQuery(FaxLine.BY_ID, FaxLine.class).setParameter("tenantId", globex.getId())
                    .setParameter("id", line.getId()).getResultList()).as("acme's line by id in globex").isEmpty();
            assertThat(em.createNamedQuery(DirectoryUser.SEARCH, DirectoryUser.class).setParameter("tenantId", acme.getId())
                    .setParameter("term", "%ali%").getResultList()).hasSize(1);
            assertThat(em.createNamedQuery(DirectoryUser.SEARCH, DirectoryUser.class).setParameter("tenantId", globex.getId())
                    .setParameter("term", "%ali%").getResultList()).isEmpty();
            assertThat(em.createNamedQuery(GroupMembership.GROUPS_OF_USER, SecurityGroup.class)
                    .setParameter("tenantId", acme.getId()).setParameter("userId", alice.getId()).getResultList())
                    .extracting(SecurityGroup::getId).containsExactly(sales.getId());
            assertThat(em.createNamedQuery(PermissionGrant.OF_USER, PermissionGrant.class)
                    .setParameter("tenantId", acme.getId()).setParameter("userId", alice.getId()).getResultList())
                    .extracting(PermissionGrant::getPermission).containsExactly(Permission.SEND_FAXES);
            assertThat(em.createNamedQuery(SsoSettings.OF_TENANT, SsoSettings.class).setParameter("tenantId", acme.getId())
                    .getSingleResult().configuration()).isEqualTo(SsoConfiguration.defaults());
            assertThat(em.createNamedQuery(SpKeyPair.ACTIVE_OF_TENANT, SpKeyPair.class).setParameter("tenantId", acme.getId())
                    .setParameter("use", SpKeyUse.SIGNING).getResultList()).hasSize(1);
            assertThat(em.createNamedQuery(SpKeyPair.ACTIVE_OF_TENANT, SpKeyPair.class).setParameter("tenantId", acme.getId())
                    .setParameter("use", SpKeyUse.ENCRYPTION).getResultList()).as("a pre-5.1 key pair signs").isEmpty();
            assertThat(em.createNamedQuery(RoleMapping.OF_TENANT, RoleMapping.class).setParameter("tenantId", acme.getId())
                    .getResultList()).hasSize(1);
            assertThat(em.createNamedQuery(AuditEvent.OF_TENANT, AuditEvent.class).setParameter("tenantId", acme.getId())
                    .getResultList()).hasSize(1);
            assertThat(em.createNamedQuery(LocalAccount.BY_SIGN_IN_NAME, LocalAccount.class).setParameter("name", "admin@acme")
                    .getSingleResult().getTenantId()).isEqualTo(acme.getId());
            for (Tenant t : List.of(acme, globex)) {
                LocalAccount bob = em.createNamedQuery(LocalAccount.IN_SCOPE, LocalAccount.class).setParameter("scope", t.getId())
                        .setParameter("username", "bob").getSingleResult();
                assertThat(bob.getTenantId()).isEqualTo(t.getId());
                assertThat(em.find(io.faxgate.access.entity.AccountLockout.class, bob.getId()).isClear())
                        .as("lockout columns (V7_1) start clear").isTrue();
            }
            assertThat(em.createNamedQuery(LocalAccount.BY_SIGN_IN_NAME, LocalAccount.class).setParameter("name", "bob")
                    .getSingleResult().getKind()).as("only the operator signs in as plain 'bob'").isEqualTo(LocalAccountKind.PLATFORM_OPERATOR);
            assertThat(em.createNamedQuery(Tenant.ALL, Tenant.class).getResultList()).extracting(Tenant::getSlug)
                    .containsExactly("acme", "globex");
            em.close();

            assertConcurrentUpdateIsRefused(emf, acme.getId(), now);
        } finally {
            emf.close();
        }
        try (Connection c = ds.getConnection()) {
            assertThatThrownBy(() -> c.createStatement().execute(
                    "INSERT INTO fax_line (id, version, tenant_id, number, label, created_at) VALUES (1, 0, 1, '+4930123456', 'dup', CURRENT_TIMESTAMP)"))
                    .as("fax numbers are unique platform-wide").isInstanceOf(SQLException.class);
        }
    }

    private static void assertConcurrentUpdateIsRefused(EntityManagerFactory emf, long tenantId, Instant now) {
        EntityManager first = emf.createEntityManager();
        EntityManager second = emf.createEntityManager();
        Tenant a = first.find(Tenant.class, tenantId);
        Tenant b = second.find(Tenant.class, tenantId);
        first.getTransaction().begin();
        a.rename("First writer", now);
        first.getTransaction().commit();
        second.getTransaction().begin();
        b.rename("Second writer", now);
        assertThatThrownBy(() -> second.getTransaction().commit())
                .isInstanceOf(RollbackException.class)
                .hasCauseInstanceOf(OptimisticLockException.class);
        first.close();
        second.close();
    }
}
