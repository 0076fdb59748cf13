package io.faxgate.platform.control;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The two databases Faxgate supports, started fresh for a test: PostgreSQL (real server binaries, one server per JVM,
 * a new database per call) and H2.
 */
public final class Databases {

    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    /**
     * Both databases for a parameterized test, {@code @MethodSource("io.faxgate.platform.control.Databases#both")}:
     * the name to show, then a supplier of a fresh, empty database (created only when the test runs).
     */
    public static Stream<Arguments> both() {
        return Stream.of(
                Arguments.of("PostgreSQL", (Supplier<DataSource>) Databases::freshPostgres),
                Arguments.of("H2", (Supplier<DataSource>) Databases::freshH2));
    }

    /**
     * Migrates the database to the current schema (Flyway, as the application does at start) and opens Faxgate's
     * persistence unit on it with EclipseLink, the provider Payara runs, but with local transactions.
     */
    public static EntityManagerFactory migrateAndOpen(DataSource ds) {
        SchemaMigration.apply(ds, Databases.class.getClassLoader());
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.jtaDataSource", "");
        props.put("jakarta.persistence.nonJtaDataSource", ds);
        props.put("eclipselink.logging.level", "WARNING");
        return Persistence.createEntityManagerFactory("faxgate", props);
    }

    public static synchronized DataSource freshPostgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                }));
            }
            String db = "t" + UUID.randomUUID().toString().replace("-", "");
            try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE DATABASE " + db);
            }
            return postgres.getDatabase("postgres", db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String postgresUrl(DataSource ds) {
        try (var c = ds.getConnection()) {
            return c.getMetaData().getURL();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DataSource freshH2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }
}
