package io.faxgate.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives the security-event logger its own rotating file of JSON lines, kept out of server.log:
 * {@code faxgate.security-events.file} (default {@code <domain or instance>/logs/faxgate-security-events.%g.jsonl},
 * {@code %g} = generation), {@code faxgate.security-events.file-bytes} (rotate at, default 50 MB) and
 * {@code faxgate.security-events.files} (generations kept, default 10). Each node writes its own file.
 */
@Singleton
@Startup
public class SecurityEventFile {

    private static final Logger LOG = Logger.getLogger(SecurityEventFile.class.getName());

    /** Optional: MicroProfile Config treats an empty default as "no value" and fails the deployment. */
    @Inject
    @ConfigProperty(name = "faxgate.security-events.file")
    Optional<String> file;

    @Inject
    @ConfigProperty(name = "faxgate.security-events.file-bytes", defaultValue = "52428800")
    int fileBytes;

    @Inject
    @ConfigProperty(name = "faxgate.security-events.files", defaultValue = "10")
    int files;

    private FileHandler handler;

    @PostConstruct
    void open() {
        Path pattern = Path.of(file.filter(f -> !f.isBlank()).orElseGet(SecurityEventFile::defaultPattern));
        try {
            if (pattern.getParent() != null) {
                Files.createDirectories(pattern.getParent());
            }
            handler = new FileHandler(pattern.toString(), Math.max(1024, fileBytes), Math.max(1, files), true);
            handler.setEncoding("UTF-8");
            handler.setFormatter(new Formatter() {
                @Override
                public String format(LogRecord record) {
                    return record.getMessage() + "\n";
                }
            });
            SecurityEventLog.attach(handler);
            LOG.info(() -> "security events are written to " + pattern);
        } catch (IOException e) {
            // the application still works; the events stay in server.log through the parent handlers
            LOG.log(Level.SEVERE, "cannot open the security event file " + pattern + "; events go to server.log", e);
        }
    }

    @PreDestroy
    void close() {
        if (handler != null) {
            SecurityEventLog.detach(handler);
            handler.close();
        }
    }

    private static String defaultPattern() {
        String instanceRoot = System.getProperty("com.sun.aas.instanceRoot");
        Path logs = instanceRoot == null ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(instanceRoot, "logs");
        return logs.resolve("faxgate-security-events.%g.jsonl").toString();
    }
}
