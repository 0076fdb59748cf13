package io.faxgate.benchmarks;

import java.sql.*;
import java.util.*;
import java.nio.file.*;

/**
 * What the database did per sign-in: a snapshot of PostgreSQL's table and database counters ({@code snap FILE}), or the
 * difference to it divided by the sign-ins ({@code diff FILE N}). Loopback PostgreSQL of {@code -Pcluster} (port 8232),
 * or the database {@code -Dfaxgate.postgres-url} names (user and password postgres, as the embedded server has them).
 * <pre>java -cp faxgate-benchmarks.jar:.faxgate/drivers/postgresql.jar io.faxgate.benchmarks.PostgresCounters snap /tmp/pg.snap</pre>
 */
public final class PostgresCounters {
    public static void main(String[] a) throws Exception {
        Map<String, long[]> now = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(
                System.getProperty("faxgate.postgres-url", "jdbc:postgresql://localhost:8232/postgres"), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("select pg_stat_force_next_flush()");
            try (ResultSet r = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(idx_scan,0), coalesce(seq_scan,0) from pg_stat_user_tables")) {
                while (r.next()) now.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)});
            }
            try (ResultSet r = s.executeQuery("select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_fetched from pg_stat_database where datname = current_database()")) {
                r.next();
                now.put("~database", new long[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)});
            }
        }
        Path file = Path.of(a[1]);
        if (a[0].equals("snap")) {
            StringBuilder b = new StringBuilder();
            now.forEach((k, v) -> b.append(k).append(' ').append(String.join(" ", Arrays.stream(v).mapToObj(Long::toString).toList())).append('\n'));
            Files.writeString(file, b);
            return;
        }
        double n = Double.parseDouble(a[2]);
        Map<String, long[]> before = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(" ");
            before.put(f[0], Arrays.stream(f).skip(1).mapToLong(Long::parseLong).toArray());
        }
        System.out.printf("%-28s %8s %8s %8s %9s %9s   (per sign-in)%n", "table", "inserts", "updates", "deletes", "idx scans", "seq scans");
        now.forEach((k, v) -> {
            long[] b = before.getOrDefault(k, new long[v.length]);
            if (k.equals("~database")) {
                System.out.printf("database: commits %.2f, rollbacks %.2f, rows inserted %.2f, updated %.2f, deleted %.2f, fetched %.1f per sign-in%n",
                        (v[0] - b[0]) / n, (v[1] - b[1]) / n, (v[2] - b[2]) / n, (v[3] - b[3]) / n, (v[4] - b[4]) / n, (v[5] - b[5]) / n);
                return;
            }
            double[] d = new double[5];
            boolean any = false;
            for (int i = 0; i < 5; i++) { d[i] = (v[i] - b[i]) / n; any |= d[i] != 0; }
            if (any) System.out.printf("%-28s %8.2f %8.2f %8.2f %9.2f %9.2f%n", k, d[0], d[1], d[2], d[3], d[4]);
        });
    }
}
