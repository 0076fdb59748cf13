package io.faxgate.fax.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.GroupMembership;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.fax.entity.FaxLine;
import io.faxgate.platform.control.Databases;
import io.faxgate.tenant.entity.Tenant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lines a user reaches (what {@code /api/v1/me}, the staff console and every fax access check start from): the
 * union of the lines bound to any of the user's groups, only within the user's tenant, on both databases — and in
 * one query that does not read a row per group.
 */
class ReachableLinesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    private EntityManagerFactory emf;
    private EntityManager em;
    private FaxLines lines;

    /** The migrated database, one entity manager on it, and the query under test using that entity manager. */
    private void open(DataSource ds) {
        emf = Databases.migrateAndOpen(ds);
        em = emf.createEntityManager();
        lines = new FaxLines();
        lines.em = em;
    }

    @AfterEach
    void close() {
        if (emf != null) {
            em.close();
            emf.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void theUnionOfTheLinesOfTheUsersGroupsOfTheTenantOnly(String name, Supplier<DataSource> database) {
        open(database.get());
        em.getTransaction().begin();
        Tenant acme = persist(em, new Tenant("acme", "Acme", true, NOW));
        Tenant globex = persist(em, new Tenant("globex", "Globex", true, NOW));
        DirectoryUser alice = persist(em, new DirectoryUser(acme.getId(), "oid-alice", "alice@acme.test", DirectorySource.SCIM, NOW));
        DirectoryUser bob = persist(em, new DirectoryUser(acme.getId(), "oid-bob", "bob@acme.test", DirectorySource.SCIM, NOW));
        SecurityGroup sales = persist(em, new SecurityGroup(acme.getId(), "gid-sales", "Sales", DirectorySource.SCIM, NOW));
        SecurityGroup support = persist(em, new SecurityGroup(acme.getId(), "gid-support", "Support", DirectorySource.SCIM, NOW));
        SecurityGroup legal = persist(em, new SecurityGroup(acme.getId(), "gid-legal", "Legal", DirectorySource.SCIM, NOW));
        SecurityGroup foreign = persist(em, new SecurityGroup(globex.getId(), "gid-sales", "Sales", DirectorySource.SCIM, NOW));
        line(em, acme, "+4930100", sales);
        line(em, acme, "+4940100", sales, support); // reached through two groups: listed once
        line(em, acme, "+4989100", support);
        line(em, acme, "+4969100", legal);                            // alice is not in Legal
        line(em, acme, "+4921100");                                   // bound to no group
        line(em, globex, "+4930999", foreign);
        member(em, acme, sales, alice);
        member(em, acme, support, alice);
        member(em, acme, legal, bob);
        // a row no Faxgate code writes (an acme membership in Globex's group), as a restored backup might hold:
        // another tenant's group and line never count
        member(em, acme, foreign, alice);
        em.getTransaction().commit();
        em.clear();

        assertThat(lines.reachableBy(acme.getId(), alice.getId())).extracting(FaxLine::getNumber)
                .as("the union of Sales' and Support's lines, each once, by number; never Globex's line")
                .containsExactly("+4930100", "+4940100", "+4989100");
        assertThat(lines.reachableBy(acme.getId(), bob.getId())).extracting(FaxLine::getNumber).containsExactly("+4969100");
        assertThat(lines.reachableBy(globex.getId(), alice.getId())).as("asked as Globex, acme memberships count for nothing")
                .isEmpty();

        // Support leaves Alice and is unbound from Hamburg; Sales is removed the way SecurityGroups.remove does it
        em.getTransaction().begin();
        em.createQuery("delete from GroupMembership m where m.securityGroupId = :g and m.directoryUserId = :u")
                .setParameter("g", support.getId()).setParameter("u", alice.getId()).executeUpdate();
        em.createQuery("delete from GroupMembership m where m.securityGroupId = :g").setParameter("g", sales.getId()).executeUpdate();
        em.createNativeQuery("DELETE FROM fax_line_group_binding WHERE security_group_id = ?").setParameter(1, sales.getId()).executeUpdate();
        em.remove(em.find(SecurityGroup.class, sales.getId()));
        em.getTransaction().commit();
        em.clear();
        assertThat(lines.reachableBy(acme.getId(), alice.getId())).as("a removed group and a left group give nothing").isEmpty();
        assertThat(lines.reachableBy(acme.getId(), bob.getId())).extracting(FaxLine::getNumber).containsExactly("+4969100");
    }

    /** The previous query (a join through the groups, DISTINCT), kept here as the reference the new one must equal. */
    private static final String THROUGH_THE_GROUPS = """
            select distinct l from FaxLine l join l.boundGroups g, GroupMembership m
            where l.tenantId = :tenantId and m.tenantId = :tenantId and m.securityGroupId = g.id and m.directoryUserId = :userId
            order by l.number""";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.faxgate.platform.control.Databases#both")
    void sameLinesAsTheJoinThroughTheGroupsForRandomDirectories(String name, Supplier<DataSource> database) {
        open(database.get());
        Random random = new Random(14);
        List<Tenant> tenants = new ArrayList<>();
        List<DirectoryUser> users = new ArrayList<>();
        em.getTransaction().begin();
        for (int t = 0; t < 3; t++) {
            Tenant tenant = persist(em, new Tenant("t" + t, "T" + t, true, NOW));
            tenants.add(tenant);
            List<SecurityGroup> groups = new ArrayList<>();
            for (int g = 0; g < 12; g++) {
                groups.add(persist(em, new SecurityGroup(tenant.getId(), "g" + t + "-" + g, "G" + g, DirectorySource.SCIM, NOW)));
            }
            for (int l = 0; l < 10; l++) {
                FaxLine line = new FaxLine(tenant.getId(), "+49" + (t + 1) + "0" + (100 + l), "L" + l, NOW);
                groups.stream().filter(g -> random.nextInt(4) == 0).forEach(line::bind);
                persist(em, line);
            }
            for (int u = 0; u < 8; u++) {
                DirectoryUser user = persist(em, new DirectoryUser(tenant.getId(), "u" + t + "-" + u, "u" + u + "@t" + t + ".test", DirectorySource.SCIM, NOW));
                users.add(user);
                groups.stream().filter(g -> random.nextInt(3) == 0).forEach(g -> member(em, tenant, g, user));
            }
        }
        em.getTransaction().commit();
        em.clear();
        int nonEmpty = 0;
        for (Tenant tenant : tenants) {
            for (DirectoryUser user : users) {
                List<String> expected = em.createQuery(THROUGH_THE_GROUPS, FaxLine.class).setParameter("tenantId", tenant.getId())
                        .setParameter("userId", user.getId()).getResultList().stream().map(FaxLine::getNumber).toList();
                assertThat(lines.reachableBy(tenant.getId(), user.getId())).extracting(FaxLine::getNumber)
                        .as("tenant %s, user %s", tenant.getSlug(), user.getUserName()).containsExactlyElementsOf(expected);
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
        }
        assertThat(nonEmpty).as("the random directory reaches lines at all").isGreaterThan(10);
    }

    /**
     * PostgreSQL counts an index scan per outer row of a nested loop: the join through the groups showed up as one
     * {@code security_group} scan per group of the user on every {@code /api/v1/me}. The query reads no group.
     */
    @Test
    void readsNoSecurityGroupRowsOnPostgreSql() throws SQLException {
        DataSource ds = Databases.freshPostgres();
        open(ds);
        em.getTransaction().begin();
        Tenant acme = persist(em, new Tenant("acme", "Acme", true, NOW));
        DirectoryUser alice = persist(em, new DirectoryUser(acme.getId(), "oid-alice", "alice@acme.test", DirectorySource.SCIM, NOW));
        List<SecurityGroup> groups = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
            SecurityGroup group = persist(em, new SecurityGroup(acme.getId(), "gid-" + g, "G" + g, DirectorySource.SCIM, NOW));
            groups.add(group);
            member(em, acme, group, alice);
        }
        line(em, acme, "+4930100", groups.get(3), groups.get(7));
        em.getTransaction().commit();
        em.clear();
        lines.reachableBy(acme.getId(), alice.getId()); // prepares the statement
        Map<String, Long> before = scans(ds);
        assertThat(lines.reachableBy(acme.getId(), alice.getId())).extracting(FaxLine::getNumber).containsExactly("+4930100");
        Map<String, Long> after = scans(ds);
        assertThat(after.getOrDefault("security_group", 0L) - before.getOrDefault("security_group", 0L))
                .as("security_group scans for one user's lines").isZero();
    }

    private static Map<String, Long> scans(DataSource ds) throws SQLException {
        Map<String, Long> scans = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_force_next_flush()");
            try (ResultSet r = s.executeQuery("SELECT relname, coalesce(idx_scan, 0) + coalesce(seq_scan, 0) FROM pg_stat_user_tables")) {
                while (r.next()) {
                    scans.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return scans;
    }

    private static <T> T persist(EntityManager em, T entity) {
        em.persist(entity);
        em.flush();
        return entity;
    }

    private static FaxLine line(EntityManager em, Tenant tenant, String number, SecurityGroup... groups) {
        FaxLine line = new FaxLine(tenant.getId(), number, number, NOW);
        for (SecurityGroup g : groups) {
            line.bind(g);
        }
        return persist(em, line);
    }

    private static void member(EntityManager em, Tenant tenant, SecurityGroup group, DirectoryUser user) {
        em.persist(new GroupMembership(tenant.getId(), group.getId(), user.getId()));
        em.flush();
    }
}
