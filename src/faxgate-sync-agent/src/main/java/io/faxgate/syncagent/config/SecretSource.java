package io.faxgate.syncagent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reads a secret from a file named in the configuration, or else from an environment variable.
 * Secrets are never taken from the command line or from the configuration file itself.
 */
final class SecretSource {

    private static final Logger LOG = Logger.getLogger(SecretSource.class.getName());

    private final Map<String, String> environment;

    SecretSource(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @param file        the path from the {@code ...File} key, or null
     * @param envVariable the environment variable consulted when no file is configured
     * @param required    whether a missing secret is a configuration error
     */
    Secret read(Path file, String fileKey, String envVariable, boolean required) {
        if (file != null) {
            return fromFile(file, fileKey);
        }
        String value = environment.get(envVariable);
        if (value != null && !value.isEmpty()) {
            return Secret.of(value);
        }
        if (required) {
            throw new ConfigurationException("No secret found: set the environment variable " + envVariable
                    + " or name a file in '" + fileKey + "'");
        }
        return null;
    }

    private static Secret fromFile(Path file, String fileKey) {
        try {
            warnIfOthersCanRead(file);
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new ConfigurationException("'" + fileKey + "' names an empty file: " + file);
            }
            return Secret.of(value);
        } catch (IOException e) {
            throw new ConfigurationException("'" + fileKey + "': cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void warnIfOthersCanRead(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warning("Secret file " + file + " is readable by all users; restrict it (chmod 600)");
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: ACLs are the administrator's business.
        }
    }
}
