package io.faxgate.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real PostgreSQL (server binaries from Maven Central) on the fixed port the test domain's pool points at,
 * before Arquillian starts Payara and deploys; stops it when the test run ends. Tests may read and seed it directly.
 */
public class TestDatabase implements LauncherSessionListener {

    private static EmbeddedPostgres postgres;
    /** Our own data directory, kept across {@link #restart}; removed when the test run ends. */
    private static java.nio.file.Path dataDirectory;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
        if (dataDirectory != null) {
            try (var files = java.nio.file.Files.walk(dataDirectory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory; the OS cleans up
            }
            dataDirectory = null;
        }
    }

    static synchronized void start() {
        if (postgres != null) {
            return;
        }
        String port = System.getProperty("faxgate.it.db-port");
        if (port == null) {
            return; // not under failsafe (e.g. an IDE running a unit test): nothing to start
        }
        refuseIfTaken(Integer.parseInt(port));
        try {
            dataDirectory = java.nio.file.Files.createTempDirectory("faxgate-it-pg-");
            // cleanDataDirectory(false): initdb still runs on the empty directory, and close() keeps the data for restart()
            postgres = builder(Integer.parseInt(port)).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(int port) {
        // a loaded CI machine can need more than zonky's default 10 s to start (or restart) PostgreSQL
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory.toFile())
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
    }

    /**
     * Stops PostgreSQL (fast shutdown: sessions are cut, as in a real restart) and starts it again on the same port
     * with the same data after {@code down}, running {@code meanwhile} while it is away. Later test classes find it
     * as before.
     */
    static synchronized void restart(java.time.Duration down, Runnable meanwhile) {
        int port = postgres.getPort();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            long until = System.nanoTime() + down.toNanos();
            meanwhile.run();
            long rest = until - System.nanoTime();
            if (rest > 0) {
                Thread.sleep(rest / 1_000_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                postgres = builder(port).setCleanDataDirectory(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot restart PostgreSQL on port " + port, e);
            }
        }
    }

    /**
     * A server left running by an interrupted run would otherwise be used silently (the new one cannot bind, the
     * client connects to the old one): tests would run against yesterday's data.
     */
    private static void refuseIfTaken(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new java.net.InetSocketAddress("localhost", port));
        } catch (IOException taken) {
            throw new IllegalStateException("port " + port + " is taken, probably by a PostgreSQL left over from an"
                    + " interrupted test run; stop it (e.g. pkill -f 'postgres -D .* -p " + port + "') and run again");
        }
    }

    public static DataSource dataSource() {
        start();
        return postgres.getPostgresDatabase();
    }

    public static Connection connection() {
        try {
            return dataSource().getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
