package io.faxgate.platform.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that seals secrets at rest (SP private keys). Taken from config {@code faxgate.secrets.master-key}
 * (base64, 32 bytes; production: inject it from a secret store) or else from a key file that is created once with
 * owner-only permissions ({@code faxgate.secrets.master-key-file}, default in the domain's config directory).
 *
 * <p>Every node of a deployment group must seal with the same key, so on a cluster member the key must come from
 * config: {@code server-config/master-key.sh} stores it as the domain-wide Payara password alias
 * {@code faxgate.secrets.master-key} (which MicroProfile Config reads under that name), taking over an existing
 * single-node key file. A member never generates a key file of its own: a second, different key would make the
 * SP keys sealed on one node unreadable on the other.
 */
public final class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());
    private static final int KEY_BYTES = 32;

    private MasterKey() {
    }

    public static SecretKey load(Optional<String> configuredBase64, Path keyFile) {
        return load(configuredBase64, keyFile, System.getProperty("com.sun.aas.instanceName", "server"));
    }

    /** {@code instanceName}: Payara's name of this JVM; "server" is a standalone server (or the DAS). */
    static SecretKey load(Optional<String> configuredBase64, Path keyFile, String instanceName) {
        if (configuredBase64.isPresent() && !configuredBase64.get().isBlank()) {
            SecretKey configured = fromBase64(configuredBase64.get().trim(), "faxgate.secrets.master-key");
            warnIfKeyFileDiffers(configured, keyFile);
            return configured;
        }
        try {
            if (Files.exists(keyFile)) {
                return fromBase64(Files.readString(keyFile).trim(), keyFile.toString());
            }
            if (!"server".equals(instanceName)) {
                throw new IllegalStateException("instance " + instanceName + " of a deployment group has no"
                        + " domain-wide master key: set the password alias faxgate.secrets.master-key"
                        + " (server-config/master-key.sh) so that every node seals with the same key");
            }
            byte[] fresh = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW);
            restrictToOwner(keyFile);
            LOG.warning(() -> "Generated a new master key in " + keyFile + "; back it up, or set faxgate.secrets.master-key"
                    + " from your secret store. Without it, sealed SP private keys cannot be read.");
            return new SecretKeySpec(fresh, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create master key file " + keyFile, e);
        }
    }

    private static void warnIfKeyFileDiffers(SecretKey configured, Path keyFile) {
        try {
            if (Files.exists(keyFile) && !java.security.MessageDigest.isEqual(configured.getEncoded(),
                    fromBase64(Files.readString(keyFile).trim(), keyFile.toString()).getEncoded())) {
                LOG.warning(() -> "The configured master key differs from the key file " + keyFile + "; secrets"
                        + " sealed with the file's key cannot be opened. Migrate with server-config/master-key.sh.");
            }
        } catch (IOException | IllegalStateException unreadable) {
            LOG.warning(() -> "Cannot compare the configured master key with " + keyFile + ": " + unreadable);
        }
    }

    private static SecretKey fromBase64(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("master key from " + source + " is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("master key from " + source + " must be 32 bytes (AES-256), is " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warning(() -> "Cannot restrict permissions of " + file + " on this file system");
        }
    }
}
