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
        try {
            postgres = EmbeddedPostgres.builder().setPort(Integer.parseInt(port)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
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
