package io.faxgate.access.control;

import io.faxgate.access.entity.AccountLockout;
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
 * Checks a sign-in name and password against the local accounts, with the account's lockout (see
 * {@link AccountLockout}): a locked account refuses every password, and every password verification is counted
 * against the account before it is made.
 * <p>
 * A successful check is remembered for a few minutes under a salted digest of the credentials (never the password
 * itself), because HTTP Basic API clients send the password on every request and 210,000 PBKDF2 rounds per request
 * would be a self-inflicted DoS. A remembered check is void as soon as the account's stored hash changes. This is a
 * cache of work done, not security state: losing it (another server, a restart) only costs one more verification.
 */
@ApplicationScoped
public class LocalCredentialCheck {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    /** What a check found. */
    public enum Verdict {
        /** The password opens this enabled account. */
        OPENS,
        /** No such account, a wrong password, or a disabled account. */
        WRONG,
        /** A wrong password, and it was the one that locked the account. */
        WRONG_AND_LOCKED,
        /** The account is locked: the password was not even checked. */
        LOCKED
    }

    public record Checked(Verdict verdict, LocalAccount account) {
    }

    @Inject
    LocalAccounts accounts;

    @Inject
    AccountLockouts lockouts;

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

    /**
     * @param beforeVerifying runs before a password is actually verified (not for remembered checks); it may refuse
     *                        by throwing, e.g. when the caller's address has used up its sign-in attempts
     */
    public Checked check(String signInName, char[] password, Runnable beforeVerifying) {
        Optional<LocalAccount> account = accounts.bySignInName(signInName);
        if (account.isEmpty()) {
            beforeVerifying.run();
            hashing.spendVerificationTime(password);
            return new Checked(Verdict.WRONG, null);
        }
        LocalAccount found = account.get();
        Instant now = clock.instant();
        AccountLockout lockout = lockouts.current(found);
        if (lockout.lockedAt(now)) {
            return new Checked(Verdict.LOCKED, found);
        }
        String digest = digest(signInName, password);
        Remembered hit = remembered.get(digest);
        if (hit != null && hit.until().isAfter(now) && hit.storedHash().equals(found.getPasswordHash())) {
            if (!lockout.isClear()) {
                lockouts.succeeded(found);
            }
            return opened(found);
        }
        beforeVerifying.run();
        Optional<AccountLockout> counted = lockouts.countAttempt(found);
        if (counted.isEmpty()) {
            return new Checked(Verdict.LOCKED, found);
        }
        if (!hashing.verify(password, found.getPasswordHash())) {
            remembered.remove(digest);
            return new Checked(counted.get().lockedAt(now) ? Verdict.WRONG_AND_LOCKED : Verdict.WRONG, found);
        }
        lockouts.succeeded(found);
        if (remembered.size() >= MAX_REMEMBERED) {
            // Only successful checks are remembered, so filling this takes that many valid credentials; dropping it
            // costs one verification each, it unlocks nothing.
            remembered.clear();
        }
        remembered.put(digest, new Remembered(found.getPasswordHash(), now.plus(REMEMBER_FOR)));
        return opened(found);
    }

    private static Checked opened(LocalAccount account) {
        return new Checked(account.isEnabled() ? Verdict.OPENS : Verdict.WRONG, account);
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
