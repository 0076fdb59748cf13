package io.faxgate.directory.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.GroupMembership;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.platform.control.Databases;
import io.faxgate.tenant.entity.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The groups a sign-in asserts become the user's memberships among the tenant's groups known by object id; groups
 * without an object id keep their members, another tenant's group with the same object id is never joined.
 */
class SignInGroupsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void assertedGroupsReplaceTheKnownOnesOnly(String name, Supplier<DataSource> database) {
        EntityManagerFactory emf = Databases.migrateAndOpen(database.get());
        EntityManager em = emf.createEntityManager();
        GroupMembers members = new GroupMembers();
        members.em = em;
        em.getTransaction().begin();
        Tenant acme = persist(em, new Tenant("acme", "Acme", true, NOW));
        Tenant globex = persist(em, new Tenant("globex", "Globex", true, NOW));
        DirectoryUser alice = persist(em, new DirectoryUser(acme.getId(), "oid-alice", "alice@acme.test", DirectorySource.SAML, NOW));
        DirectoryUser bob = persist(em, new DirectoryUser(acme.getId(), "oid-bob", "bob@acme.test", DirectorySource.SAML, NOW));
        SecurityGroup sales = persist(em, new SecurityGroup(acme.getId(), "gid-sales", "Sales", DirectorySource.SCIM, NOW));
        SecurityGroup support = persist(em, new SecurityGroup(acme.getId(), "gid-support", "Support", DirectorySource.SCIM, NOW));
        SecurityGroup local = persist(em, new SecurityGroup(acme.getId(), null, "Local", DirectorySource.SCIM, NOW));
        SecurityGroup legal = persist(em, new SecurityGroup(acme.getId(), "gid-legal", "Legal", DirectorySource.SCIM, NOW));
        persist(em, new SecurityGroup(globex.getId(), "gid-board", "Board", DirectorySource.SCIM, NOW));
        persist(em, new GroupMembership(acme.getId(), sales.getId(), alice.getId()));
        persist(em, new GroupMembership(acme.getId(), local.getId(), alice.getId()));
        persist(em, new GroupMembership(acme.getId(), legal.getId(), bob.getId()));
        em.getTransaction().commit();

        // Alice's sign-in asserts Support, a group Faxgate does not know, Globex's Board, and a null
        reconcile(em, members, acme, alice, "gid-support", "gid-unknown", "gid-board", null);
        assertThat(groupsOf(em, alice)).as("Sales left (known, not asserted), Local stays (no object id), Support joined,"
                + " nothing of Globex").containsExactlyInAnyOrder(support.getId(), local.getId());
        assertThat(groupsOf(em, bob)).as("another user's memberships untouched").containsExactly(legal.getId());

        reconcile(em, members, acme, alice, "gid-support", "gid-sales");
        assertThat(groupsOf(em, alice)).containsExactlyInAnyOrder(support.getId(), sales.getId(), local.getId());

        reconcile(em, members, acme, alice, "gid-support", "gid-sales"); // nothing changed: nothing written
        assertThat(groupsOf(em, alice)).containsExactlyInAnyOrder(support.getId(), sales.getId(), local.getId());

        reconcile(em, members, acme, alice);
        assertThat(groupsOf(em, alice)).as("an empty groups claim leaves only the groups no claim can name")
                .containsExactly(local.getId());
        em.close();
        emf.close();
    }

    private static void reconcile(EntityManager em, GroupMembers members, Tenant tenant, DirectoryUser user, String... groups) {
        em.getTransaction().begin();
        members.reconcile(tenant.getId(), user.getId(), Arrays.asList(groups));
        em.getTransaction().commit();
        em.clear();
    }

    private static List<Long> groupsOf(EntityManager em, DirectoryUser user) {
        return em.createQuery("select m.securityGroupId from GroupMembership m where m.directoryUserId = :u", Long.class)
                .setParameter("u", user.getId()).getResultList();
    }

    private static <T> T persist(EntityManager em, T entity) {
        em.persist(entity);
        em.flush();
        return entity;
    }
}
