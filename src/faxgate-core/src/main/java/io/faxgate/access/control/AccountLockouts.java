package io.faxgate.access.control;

import io.faxgate.access.entity.AccountLockout;
import io.faxgate.access.entity.LocalAccount;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Counts password checks against the account's row, each in its own short transaction under a row lock: N parallel
 * wrong passwords count N on every server, and commit before the (slow) password verification starts, so none of
 * them can pass a "not locked yet" check that the others have not counted yet.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AccountLockouts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The account's count as it is now (reads, counts nothing). */
    public AccountLockout current(LocalAccount account) {
        AccountLockout lockout = em.find(AccountLockout.class, account.getId());
        return lockout == null ? new AccountLockout(account.getId(), 0, null, null) : lockout;
    }

    /**
     * Counts a password check about to be made; the count after it, or nothing when the account is locked (then the
     * password must not be checked at all).
     */
    public Optional<AccountLockout> countAttempt(LocalAccount account) {
        AccountLockout lockout = em.find(AccountLockout.class, account.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (lockout == null || !lockout.countAttempt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(lockout);
    }

    /** The right password: the count starts again. Writes only when there is something to clear. */
    public void succeeded(LocalAccount account) {
        clear(account);
    }

    /**
     * An administrator set a new password: the lock ends with it. In the administrator's transaction, so a change
     * that is rolled back unlocks nothing.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void passwordReset(LocalAccount account) {
        clear(account);
    }

    private void clear(LocalAccount account) {
        AccountLockout lockout = em.find(AccountLockout.class, account.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (lockout != null && !lockout.isClear()) {
            lockout.clear();
        }
    }
}
