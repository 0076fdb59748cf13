package io.faxgate.access.control;

import io.faxgate.access.entity.LocalAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a username and password against the local accounts. A successful check is remembered for a few
 * minutes under a salted digest of the credentials (never the password itself), because HTTP Basic API clients
 * send the password on every request and 210,000 PBKDF2 rounds per request would be a self-inflicted DoS.
 * A remembered check is void as soon as the account's stored hash changes.
 */
@ApplicationScoped
public class LocalCredentialCheck {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    LocalAccounts accounts;

    @Inject
    PasswordHashing hashing;

    @Inject
    Clock clock;

    private final byte[] salt = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(String storedHash, Instant until) {
    }

    public LocalCredentialCheck() {
        new SecureRandom().nextBytes(salt);
    }

    /** The enabled account these credentials open, if any. */
    public Optional<LocalAccount> check(String username, char[] password) {
        Optional<LocalAccount> account = accounts.byUsername(username);
        if (account.isEmpty()) {
            hashing.spendVerificationTime(password);
            return Optional.empty();
        }
        LocalAccount found = account.get();
        String digest = digest(username, password);
        Remembered hit = remembered.get(digest);
        Instant now = clock.instant();
        boolean valid = hit != null && hit.until().isAfter(now) && hit.storedHash().equals(found.getPasswordHash())
                || hashing.verify(password, found.getPasswordHash());
        if (!valid) {
            remembered.remove(digest);
            return Optional.empty();
        }
        if (hit == null || !hit.until().isAfter(now)) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(digest, new Remembered(found.getPasswordHash(), now.plus(REMEMBER_FOR)));
        }
        return found.isEnabled() ? Optional.of(found) : Optional.empty();
    }

    private String digest(String username, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
