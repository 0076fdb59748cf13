package io.faxgate.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.access.entity.AssertedRole;
import io.faxgate.access.entity.Permission;
import io.faxgate.access.entity.PermissionGrant;
import io.faxgate.access.entity.RoleMapping;
import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.GroupMembership;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.platform.control.Databases;
import io.faxgate.tenant.entity.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where a user's permissions come from, on an in-memory H2 database (no server): grants in "authentication only",
 * only role mappings of the user's own app roles and groups in "authentication and permissions" — never another
 * tenant's mappings, never a grant once the directory decides.
 */
class PermissionSourcesTest {

    static EntityManagerFactory emf;
    static EntityManager em;
    static long acme;
    static long globex;
    static DirectoryUser alice;
    static final Set<Long> fromDirectory = new HashSet<>();
    /** The parts the directory decides for tenants in {@link #fromDirectory} (the SSO scope's parts). */
    static Set<Permission.Area> directoryParts = EnumSet.allOf(Permission.Area.class);

    @BeforeAll
    static void data() {
        emf = Databases.migrateAndOpen(Databases.freshH2());
        em = emf.createEntityManager();
        Instant now = Instant.now();
        em.getTransaction().begin();
        Tenant a = new Tenant("acme", "Acme", true, now);
        Tenant g = new Tenant("globex", "Globex", true, now);
        em.persist(a);
        em.persist(g);
        em.flush();
        acme = a.getId();
        globex = g.getId();
        alice = new DirectoryUser(acme, "oid-alice", "alice@acme.test", DirectorySource.SCIM, now);
        em.persist(alice);
        SecurityGroup sales = new SecurityGroup(acme, "gid-sales", "Sales", DirectorySource.SCIM, now);
        SecurityGroup noId = new SecurityGroup(acme, null, "Local group", DirectorySource.SCIM, now);
        em.persist(sales);
        em.persist(noId);
        em.flush();
        em.persist(new GroupMembership(acme, sales.getId(), alice.getId()));
        em.persist(new GroupMembership(acme, noId.getId(), alice.getId()));
        em.persist(new AssertedRole(acme, alice.getId(), "Fax.Sender"));
        em.persist(new PermissionGrant(acme, alice.getId(), Permission.MANAGE_USERS, "admin", now));
        em.persist(new RoleMapping(acme, "Fax.Sender", Permission.SEND_FAXES));
        em.persist(new RoleMapping(acme, "gid-sales", Permission.VIEW_FAXES));
        em.persist(new RoleMapping(acme, "Other.Role", Permission.MANAGE_SSO));
        // another tenant maps the very same claim values: must never apply to acme's user
        em.persist(new RoleMapping(globex, "Fax.Sender", Permission.MANAGE_FAX_LINES));
        em.persist(new RoleMapping(globex, "gid-sales", Permission.VIEW_AUDIT_LOG));
        em.getTransaction().commit();
    }

    @AfterAll
    static void close() {
        em.close();
        emf.close();
    }

    static PermissionSources sources() {
        PermissionSources sources = new PermissionSources();
        sources.em = em;
        sources.sso = new SsoPolicy() {
            @Override
            public Set<Permission.Area> coveredParts(long tenantId) {
                return Set.of();
            }

            @Override
            public Set<Permission.Area> directoryDecidedParts(long tenantId) {
                return fromDirectory.contains(tenantId) ? directoryParts : Set.of();
            }
        };
        return sources;
    }

    @Test
    void authenticationOnlyMeansTheGrantsMadeInFaxgate() {
        fromDirectory.clear();
        Map<Permission, List<String>> held = sources().of(alice);
        assertThat(held).containsOnlyKeys(Permission.MANAGE_USERS);
        assertThat(held.get(Permission.MANAGE_USERS)).containsExactly("granted in Faxgate by admin");
    }

    @Test
    void inDirectoryModeOnlyTheTenantsMappingsOfTheUsersRolesAndGroupsCount() {
        fromDirectory.add(acme);
        try {
            Map<Permission, List<String>> held = sources().of(alice);
            assertThat(held).as("no grant, no other tenant's mapping, no unmatched mapping")
                    .containsOnlyKeys(Permission.SEND_FAXES, Permission.VIEW_FAXES);
            assertThat(held.get(Permission.SEND_FAXES)).containsExactly("app role Fax.Sender");
            assertThat(held.get(Permission.VIEW_FAXES)).containsExactly("group Sales");
        } finally {
            fromDirectory.clear();
        }
    }

    @Test
    void theModeAppliesToThePartsInScopeOnly() {
        fromDirectory.add(acme);
        directoryParts = EnumSet.of(Permission.Area.WEB_STAFF);
        try {
            Map<Permission, List<String>> held = sources().of(alice);
            assertThat(held).as("web staff from the mappings, the admin tool still from grants made in Faxgate")
                    .containsOnlyKeys(Permission.SEND_FAXES, Permission.VIEW_FAXES, Permission.MANAGE_USERS);
            directoryParts = EnumSet.of(Permission.Area.ADMIN_TOOL);
            assertThat(sources().of(alice)).as("no admin mapping matches; the staff grants are none")
                    .isEmpty();
        } finally {
            fromDirectory.clear();
            directoryParts = EnumSet.allOf(Permission.Area.class);
        }
    }

    @Test
    void aGroupWithoutAnObjectIdMatchesNoMapping() {
        assertThat(sources().claimValuesOf(alice)).containsOnlyKeys("Fax.Sender", "gid-sales");
    }
}
