package io.faxgate.directory.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.platform.control.AccessEpoch;
import io.faxgate.directory.control.ScimFilter;
import io.faxgate.directory.control.ScimFilter.Operator;
import io.faxgate.directory.control.ScimMember;
import io.faxgate.directory.control.ScimProblem;
import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.ScimToken;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.platform.control.Databases;
import io.faxgate.tenant.entity.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SCIM storage work (filter queries, membership rows, token lookup, row locks) on both supported databases,
 * with EclipseLink as Payara runs it: the JPQL assembled per filter must be valid on PostgreSQL and H2 alike.
 */
class ScimStorageTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void filtersMembershipsTokensAndLocksWorkOnTheMigratedSchema(String name, Supplier<DataSource> database) {
        EntityManagerFactory emf = Databases.migrateAndOpen(database.get());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EntityManager em = emf.createEntityManager();
        try {
            ScimSearch search = new ScimSearch();
            search.em = em;
            GroupMembers members = new GroupMembers();
            members.em = em;
            members.epoch = new AccessEpoch();
            ScimTokens tokens = new ScimTokens();
            tokens.em = em;

            em.getTransaction().begin();
            Tenant acme = new Tenant("acme", "Acme", true, now);
            Tenant globex = new Tenant("globex", "Globex", true, now);
            em.persist(acme);
            em.persist(globex);
            em.flush();
            DirectoryUser alice = user(em, acme, "oid-a", "Alice@Acme.test", "Alice", now);
            DirectoryUser bob = user(em, acme, "oid-b", "bob@acme.test", "Bob", now);
            DirectoryUser mallory = user(em, globex, "oid-m", "mallory@globex.test", "Mallory", now);
            SecurityGroup sales = new SecurityGroup(acme.getId(), "gid-sales", "Sales", DirectorySource.SCIM, now);
            em.persist(sales);
            em.flush();
            ScimTokens.Issued issued = tokens.issue(acme.getId(), "Entra", 5, now);
            em.getTransaction().commit();
            em.clear();

            em.getTransaction().begin();
            assertThat(search.users(acme.getId(), eq("username", "alice@acme.TEST"), null, 1, 10)
                    .resources()).as("userName compares case-insensitively").extracting(DirectoryUser::getId).containsExactly(alice.getId());
            assertThat(search.users(globex.getId(), eq("username", "alice@acme.test"), null, 1, 10)
                    .totalResults()).as("never across tenants").isZero();
            assertThat(search.users(acme.getId(), new ScimFilter.And(eq("externalid", "oid-b"), eq("active", "True")), null, 1, 10).resources()).extracting(DirectoryUser::getId)
                    .containsExactly(bob.getId());
            assertThat(search.users(acme.getId(), null, null, 2, 1).resources()).extracting(DirectoryUser::getId)
                    .as("page 2 of size 1, id order").containsExactly(bob.getId());
            assertThat(search.users(acme.getId(), null, null, 1, 0).totalResults()).isEqualTo(2);
            assertThat(search.users(acme.getId(), eq("id", "not-a-number"), null, 1, 10)
                    .totalResults()).isZero();
            assertThatThrownBy(() -> search.users(acme.getId(), eq("active", "maybe"), null, 1, 10))
                    .isInstanceOf(ScimProblem.class);

            Set<Long> ids = members.requireUsers(acme.getId(), List.of(alice.getId().toString(), bob.getId().toString()));
            assertThat(members.add(acme.getId(), sales.getId(), ids)).hasSize(2);
            assertThat(members.add(acme.getId(), sales.getId(), ids)).as("adding again is a no-op").isEmpty();
            assertThatThrownBy(() -> members.requireUsers(acme.getId(), List.of(mallory.getId().toString())))
                    .as("another tenant's user is refused like an unknown one").isInstanceOf(ScimProblem.class)
                    .extracting(e -> ((ScimProblem) e).scimType()).isEqualTo("invalidValue");
            assertThat(search.groups(acme.getId(), new ScimFilter.And(eq("members.value", bob.getId().toString()),
                    eq("displayname", "Sales")), null, 1, 10).resources()).extracting(SecurityGroup::getId)
                    .containsExactly(sales.getId());
            assertThat(members.of(acme.getId(), sales.getId())).extracting(ScimMember::userId)
                    .containsExactly(alice.getId(), bob.getId());
            assertThat(members.remove(acme.getId(), sales.getId(), Set.of(bob.getId(), 42L))).isEqualTo(1);
            assertThat(members.replace(acme.getId(), sales.getId(), Set.of(bob.getId())))
                    .isEqualTo(new GroupMembers.Replaced(Set.of(bob.getId()), 1));
            assertThat(members.of(acme.getId(), sales.getId())).extracting(ScimMember::userId).containsExactly(bob.getId());
            assertThat(members.replace(acme.getId(), sales.getId(), Set.of(alice.getId(), bob.getId())))
                    .as("a replacement that only adds reports what it added").isEqualTo(new GroupMembers.Replaced(Set.of(alice.getId()), 0));
            assertThat(members.remove(acme.getId(), sales.getId(), Set.of(alice.getId()))).isEqualTo(1);
            assertThat(members.removeUser(acme.getId(), bob.getId())).isEqualTo(1);

            SecurityGroup locked = em.createNamedQuery(SecurityGroup.BY_ID, SecurityGroup.class)
                    .setParameter("tenantId", acme.getId()).setParameter("id", sales.getId())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
            assertThat(locked.getDisplayName()).isEqualTo("Sales");

            ScimToken found = tokens.find(issued.secret()).orElseThrow();
            assertThat(found.getTenantId()).isEqualTo(acme.getId());
            assertThat(found.getTokenPrefix()).isEqualTo(issued.secret().substring(0, 12)).startsWith("fgs_");
            assertThat(found.getTokenHash()).doesNotContain(issued.secret());
            assertThat(found.getRatePerSecond()).isEqualTo(5);
            assertThat(tokens.find(issued.secret() + "x")).isEmpty();
            tokens.used(found, now);
            em.getTransaction().commit();
            em.clear();
            assertThat(em.find(ScimToken.class, found.getId()).getLastUsedAt()).isEqualTo(now);

            em.getTransaction().begin();
            em.find(ScimToken.class, found.getId()).revoke(now);
            em.getTransaction().commit();
            assertThat(tokens.find(issued.secret())).as("revoked").isEmpty();
        } finally {
            em.close();
            emf.close();
        }
    }

    private static ScimFilter eq(String attribute, String value) {
        return new ScimFilter.Compare(attribute, Operator.EQ, value);
    }

    private static DirectoryUser user(EntityManager em, Tenant t, String externalId, String userName, String display, Instant now) {
        DirectoryUser u = new DirectoryUser(t.getId(), externalId, userName, DirectorySource.SCIM, now);
        u.describe(userName, userName, display, now);
        u.name(display, "Test", now);
        em.persist(u);
        em.flush();
        return u;
    }
}
