package io.faxgate.benchmarks;

import java.sql.*;

/**
 * PostgreSQL's plans (EXPLAIN ANALYZE) for the SQL of the SCIM filters, on the tenant a {@code ScimProvisioningLoad} run
 * filled. Arguments: tenant slug, PostgreSQL port, the run id in its user names.
 * <pre>java -cp faxgate-benchmarks.jar:.faxgate/drivers/postgresql.jar io.faxgate.benchmarks.ScimFilterPlans load-x 8232 mxabc</pre>
 */
public final class ScimFilterPlans {
    public static void main(String[] a) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + a[1] + "/postgres", "postgres", "postgres")) {
            long t;
            try (PreparedStatement p = c.prepareStatement("select id from tenant where slug = ?")) {
                p.setString(1, a[0]);
                ResultSet r = p.executeQuery(); r.next(); t = r.getLong(1);
            }
            try (Statement s = c.createStatement()) { s.execute("ANALYZE"); }
            String[][] q = {
                {"userName eq", "SELECT id FROM directory_user WHERE tenant_id = " + t + " AND user_name_key = 'u42-" + a[2] + "@load.test' ORDER BY id LIMIT 100"},
                {"emails[value eq] (lower(email) =)", "SELECT id FROM directory_user WHERE tenant_id = " + t + " AND email IS NOT NULL AND LOWER(email) = 'u42-" + a[2] + "@load.test' ORDER BY id LIMIT 100"},
                {"emails sw (lower(email) LIKE 'x%')", "SELECT id FROM directory_user WHERE tenant_id = " + t + " AND LOWER(email) LIKE 'u42-" + a[2] + "%' ESCAPE '\\' ORDER BY id LIMIT 100"},
                {"userName sw (user_name_key LIKE 'x%')", "SELECT id FROM directory_user WHERE tenant_id = " + t + " AND user_name_key LIKE 'u42-" + a[2] + "%' ESCAPE '\\' ORDER BY id LIMIT 100"},
                {"displayName eq (lower)", "SELECT id FROM directory_user WHERE tenant_id = " + t + " AND LOWER(display_name) = 'user 42' ORDER BY id LIMIT 100"},
                {"Groups displayName eq (lower)", "SELECT id FROM security_group WHERE tenant_id = " + t + " AND LOWER(display_name) = 'group 42-" + a[2] + "' ORDER BY id LIMIT 100"},
                {"displayName co (LIKE '%x%', no B-tree can serve it)", "SELECT id FROM directory_user WHERE tenant_id = " + t + " AND LOWER(display_name) LIKE '%ser 42%' ESCAPE '\\' ORDER BY user_name_key, id LIMIT 10"},
            };
            for (String[] e : q) {
                System.out.println("-- " + e[0]);
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + e[1])) {
                    while (r.next()) System.out.println("   " + r.getString(1));
                }
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select indexname from pg_indexes where tablename in ('directory_user','security_group') order by 1")) {
                System.out.print("indexes:"); while (r.next()) System.out.print(" " + r.getString(1)); System.out.println();
            }
        }
    }
}
