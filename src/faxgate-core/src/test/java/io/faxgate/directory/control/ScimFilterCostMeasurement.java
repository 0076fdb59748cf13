package io.faxgate.directory.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.directory.control.ScimFilter;
import io.faxgate.directory.control.ScimFilter.And;
import io.faxgate.directory.control.ScimFilter.Compare;
import io.faxgate.directory.control.ScimFilter.Not;
import io.faxgate.directory.control.ScimFilter.Operator;
import io.faxgate.directory.control.ScimFilter.Or;
import io.faxgate.directory.control.ScimFilter.ValuePath;
import io.faxgate.directory.control.ScimSort;
import io.faxgate.platform.control.Databases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What each kind of SCIM filter costs in PostgreSQL with a tenant of 10,000 users, 1,000 groups and 50,000
 * memberships beside another tenant of 10,000 users: queries per second through {@link ScimSearch} (one thread,
 * median of 3 runs) and PostgreSQL's plan for the same SQL. A measurement, not a test of behaviour: run it with
 * {@code mvn -pl src/faxgate-core test -Dtest=ScimFilterCostMeasurement -Dfaxgate.measure=true}.
 */
@EnabledIfSystemProperty(named = "faxgate.measure", matches = "true")
class ScimFilterCostMeasurement {

    private static final int USERS = 10_000;
    private static final int GROUPS = 1_000;
    private static final int MEMBERS = 50;
    private static final int QUERIES = Integer.getInteger("faxgate.measure.queries", 300);

    @Test
    void measure() throws Exception {
        DataSource ds = Databases.freshPostgres();
        EntityManagerFactory emf = Databases.migrateAndOpen(ds);
        long[] userIds = seed(ds);
        EntityManager em = emf.createEntityManager();
        ScimSearch search = new ScimSearch();
        search.em = em;
        Map<String, IntFunction<Integer>> kinds = new LinkedHashMap<>();
        kinds.put("userName eq", i -> users(search, cmp("username", Operator.EQ, "u" + (i % USERS) + "@acme.test"), null));
        kinds.put("externalId eq and active eq", i -> users(search, new And(cmp("externalid", Operator.EQ, "oid-" + (i % USERS)),
                cmp("active", Operator.EQ, Boolean.TRUE)), null));
        kinds.put("emails[type eq and value eq]", i -> users(search, new ValuePath("emails", new And(cmp("type", Operator.EQ, "work"),
                cmp("value", Operator.EQ, "u" + (i % USERS) + "@acme.test"))), null));
        kinds.put("userName sw", i -> users(search, cmp("username", Operator.SW, "u" + (i % USERS) + "@"), null));
        kinds.put("displayName co, sortBy userName", i -> users(search, new Or(cmp("displayname", Operator.CO, "ser " + (i % USERS) + "x"),
                cmp("username", Operator.EQ, "nobody")), new ScimSort("username", false)));
        kinds.put("not (active eq false), page of 10", i -> users(search, new Not(cmp("active", Operator.EQ, Boolean.FALSE)), null));
        kinds.put("Groups members[value eq]", i -> search.groups(1, new ValuePath("members", cmp("value", Operator.EQ,
                Long.toString(userIds[i % USERS]))), null, 1, 10).resources().size());
        System.out.println("SCIM filter cost, PostgreSQL, tenant of " + USERS + " users / " + GROUPS + " groups / "
                + GROUPS * MEMBERS + " memberships (+ " + USERS + " users in another tenant); one thread, " + QUERIES
                + " queries per run");
        for (Map.Entry<String, IntFunction<Integer>> kind : kinds.entrySet()) {
            double[] rates = new double[3];
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                for (int i = 0; i < QUERIES; i++) {
                    kind.getValue().apply(i * 7919 + run);
                }
                rates[run] = QUERIES / ((System.nanoTime() - start) / 1e9);
                em.clear();
            }
            Arrays.sort(rates);
            System.out.printf("%-36s median %7.0f queries/s  (runs %.0f / %.0f / %.0f)%n", kind.getKey(), rates[1], rates[0],
                    rates[1], rates[2]);
        }
        explain(ds, "userName eq", "SELECT id FROM directory_user WHERE tenant_id = 1 AND user_name_key IS NOT NULL AND user_name_key = 'u42@acme.test' ORDER BY id LIMIT 100");
        explain(ds, "externalId eq", "SELECT id FROM directory_user WHERE tenant_id = 1 AND external_id IS NOT NULL AND external_id = 'oid-42' AND active = TRUE ORDER BY id LIMIT 100");
        explain(ds, "emails[value eq]", "SELECT id FROM directory_user WHERE tenant_id = 1 AND email IS NOT NULL AND LOWER(email) = 'u42@acme.test' ORDER BY id LIMIT 100");
        explain(ds, "userName sw", "SELECT id FROM directory_user WHERE tenant_id = 1 AND user_name_key LIKE 'u42@%' ESCAPE '\\' ORDER BY id LIMIT 100");
        explain(ds, "emails sw", "SELECT id FROM directory_user WHERE tenant_id = 1 AND email IS NOT NULL AND LOWER(email) LIKE 'u42@%' ESCAPE '\\' ORDER BY id LIMIT 100");
        explain(ds, "displayName eq", "SELECT id FROM directory_user WHERE tenant_id = 1 AND LOWER(display_name) = 'user 42' ORDER BY id LIMIT 100");
        explain(ds, "Groups displayName eq", "SELECT id FROM security_group WHERE tenant_id = 1 AND LOWER(display_name) = 'group 42' ORDER BY id LIMIT 100");
        explain(ds, "displayName co", "SELECT id FROM directory_user WHERE tenant_id = 1 AND LOWER(display_name) LIKE '%ser 42x%' ESCAPE '\\' ORDER BY user_name_key, id LIMIT 100");
        explain(ds, "members[value eq]", "SELECT g.id FROM security_group g WHERE g.tenant_id = 1 AND EXISTS (SELECT m.directory_user_id FROM group_membership m WHERE m.tenant_id = 1 AND m.security_group_id = g.id AND m.directory_user_id = " + userIds[42] + ") ORDER BY g.id LIMIT 10");
        em.close();
        emf.close();
    }

    private static int users(ScimSearch search, ScimFilter filter, ScimSort sort) {
        return search.users(1, filter, sort, 1, 10).resources().size();
    }

    private static Compare cmp(String attribute, Operator op, Object value) {
        return new Compare(attribute, op, value);
    }

    private static void explain(DataSource ds, String name, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + sql)) {
            System.out.println("-- plan: " + name);
            while (r.next()) {
                System.out.println("   " + r.getString(1));
            }
        }
    }

    /** Two tenants (ids 1 and 2) of USERS users each; tenant 1 gets GROUPS groups of MEMBERS members. */
    private static long[] seed(DataSource ds) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        long[] ids = new long[USERS];
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement t = c.prepareStatement("INSERT INTO tenant (id, version, slug, name, sso_allowed, created_at, updated_at) VALUES (?, 1, ?, ?, TRUE, ?, ?)")) {
                for (int tenant = 1; tenant <= 2; tenant++) {
                    t.setLong(1, tenant);
                    t.setString(2, "t" + tenant);
                    t.setString(3, "t" + tenant);
                    t.setTimestamp(4, now);
                    t.setTimestamp(5, now);
                    t.executeUpdate();
                }
            }
            long id = 1_000_000;
            try (PreparedStatement u = c.prepareStatement("""
                    INSERT INTO directory_user (id, version, tenant_id, external_id, user_name, user_name_key, email, display_name,
                    given_name, family_name, active, source, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCIM', ?, ?)""")) {
                for (int tenant = 1; tenant <= 2; tenant++) {
                    for (int i = 0; i < USERS; i++) {
                        String name = "u" + i + "@acme.test";
                        u.setLong(1, ++id);
                        u.setLong(2, tenant);
                        u.setString(3, "oid-" + i);
                        u.setString(4, name);
                        u.setString(5, name);
                        u.setString(6, name);
                        u.setString(7, "User " + i);
                        u.setString(8, "User");
                        u.setString(9, "N" + i);
                        u.setBoolean(10, i % 10 != 0);
                        u.setTimestamp(11, now);
                        u.setTimestamp(12, now);
                        u.addBatch();
                        if (tenant == 1) {
                            ids[i] = id;
                        }
                    }
                    u.executeBatch();
                }
            }
            List<Long> groups = new ArrayList<>();
            try (PreparedStatement g = c.prepareStatement("INSERT INTO security_group (id, version, tenant_id, external_id, display_name, source, created_at, updated_at) VALUES (?, 1, 1, ?, ?, 'SCIM', ?, ?)")) {
                for (int i = 0; i < GROUPS; i++) {
                    g.setLong(1, ++id);
                    g.setString(2, "gid-" + i);
                    g.setString(3, "Group " + i);
                    g.setTimestamp(4, now);
                    g.setTimestamp(5, now);
                    g.addBatch();
                    groups.add(id);
                }
                g.executeBatch();
            }
            try (PreparedStatement m = c.prepareStatement("INSERT INTO group_membership (id, tenant_id, security_group_id, directory_user_id) VALUES (?, 1, ?, ?)")) {
                for (int gi = 0; gi < GROUPS; gi++) {
                    for (int k = 0; k < MEMBERS; k++) {
                        m.setLong(1, ++id);
                        m.setLong(2, groups.get(gi));
                        m.setLong(3, ids[(gi * MEMBERS + k) % USERS]);
                        m.addBatch();
                    }
                }
                m.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            c.commit();
        }
        assertThat(ids[USERS - 1]).isPositive();
        return ids;
    }
}
