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
            postgres = EmbeddedPostgres.builder().setPort(Integer.parseInt(port)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
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
