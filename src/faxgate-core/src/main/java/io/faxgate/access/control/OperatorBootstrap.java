package io.faxgate.access.control;

import io.faxgate.platform.control.StartupLocks;
import io.faxgate.access.entity.LocalAccount;
import io.faxgate.access.entity.LocalAccountKind;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.platform.control.SecretGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure a platform operator can sign in on a fresh install. Username and password come from config
 * ({@code faxgate.bootstrap.operator.username} / {@code .password}, or FAXGATE_BOOTSTRAP_OPERATOR_USERNAME /
 * _PASSWORD); a configured password is authoritative and re-applied at every start. Without one, the first start
 * generates a password and writes it to an owner-only file (never to the log) for the run script to show once.
 * Nodes of a cluster that start together take turns: each holds a database row lock ({@code startup_lock}) for
 * its check-then-create, so exactly one creates the operator and the others see it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class OperatorBootstrap {

    @Inject
    StartupLocks startupLocks;

    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "faxgate.bootstrap.operator.username", defaultValue = "operator")
    String username;

    @Inject
    @ConfigProperty(name = "faxgate.bootstrap.operator.password")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "faxgate.bootstrap.operator.credentials-file")
    Optional<String> credentialsFile;


    @Inject
    LocalAccounts accounts;

    @Inject
    PasswordHashing hashing;

    @Inject
    AccountLockouts lockouts;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @PostConstruct
    void ensureOperator() {
        // Held until this start-up transaction commits; another node's bootstrap waits here, then sees our operator.
        startupLocks.hold("operator-bootstrap");
        Optional<String> password = configuredPassword.filter(p -> !p.isBlank());
        Optional<LocalAccount> existing = accounts.operator(username);
        if (existing.isPresent()) {
            password.filter(p -> !hashing.verify(p.toCharArray(), existing.get().getPasswordHash()))
                    .ifPresent(p -> {
                        existing.get().changePasswordHash(hashing.hash(p.toCharArray()));
                        lockouts.passwordReset(existing.get());
                        audit.record(null, AuditTypes.OPERATOR_BOOTSTRAPPED, AuditOutcome.SUCCESS, username,
                                "password reset from configuration");
                    });
            return;
        }
        if (accounts.countOfKind(LocalAccountKind.PLATFORM_OPERATOR) > 0 && password.isEmpty()) {
            return;
        }
        String secret = password.orElseGet(() -> SecretGenerator.password(20));
        accounts.add(LocalAccount.operator(username, hashing.hash(secret.toCharArray()), clock.instant()));
        audit.record(null, AuditTypes.OPERATOR_BOOTSTRAPPED, AuditOutcome.SUCCESS, username,
                password.isPresent() ? "from configuration" : "generated");
        if (password.isEmpty()) {
            Path file = Path.of(credentialsFile.orElseGet(() ->
                    System.getProperty("com.sun.aas.instanceRoot", ".") + "/config/faxgate-initial-operator.txt"));
            writeOwnerOnly(file, "username=" + username + "\npassword=" + secret + "\n");
            LOG.warning(() -> "Created platform operator '" + username + "' with a generated password, written to "
                    + file + ". Read it, then delete the file.");
        } else {
            LOG.info(() -> "Created platform operator '" + username + "' from configuration");
        }
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.warning("cannot restrict permissions of " + file);
            }
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
