package io.faxgate.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The wrong-password count of one {@link LocalAccount}, in the account's own row. A separate entity on purpose: it is
 * written under a row lock on every password check, and must neither move the account's optimistic-lock version (an
 * attacker's guesses would make an admin's edit of the account fail) nor signal an access change (which would void
 * every remembered access decision on every guess).
 * <p>
 * Every password check is counted <em>before</em> the password is verified, so parallel requests cannot all pass a
 * "not locked yet" check: after {@value #MAX_FAILURES} counted attempts within {@link #FAILURE_WINDOW} the account is
 * locked for {@link #LOCKED_FOR} and refuses every password, the right one too. A correct password clears the count.
 */
@Entity
@Table(name = "local_account")
public class AccountLockout {

    public static final int MAX_FAILURES = 5;
    /** Failures further apart than this do not add up (a typo a week does not lock anyone out). */
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKED_FOR = Duration.ofMinutes(15);

    @Id
    private Long id;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failures;

    @Column(name = "last_failed_sign_in_at")
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected AccountLockout() {
    }

    /** For tests: the state of an account. */
    public AccountLockout(long id, int failures, Instant lastFailureAt, Instant lockedUntil) {
        this.id = id;
        this.failures = failures;
        this.lastFailureAt = lastFailureAt;
        this.lockedUntil = lockedUntil;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts one password check that is about to happen (as a failure until it succeeds).
     *
     * @return false when the account is locked: the password must not even be checked
     */
    public boolean countAttempt(Instant now) {
        if (lockedAt(now)) {
            return false;
        }
        boolean fresh = lockedUntil != null || lastFailureAt == null || !now.isBefore(lastFailureAt.plus(FAILURE_WINDOW));
        failures = fresh ? 1 : failures + 1;
        lastFailureAt = now;
        lockedUntil = failures >= MAX_FAILURES ? now.plus(LOCKED_FOR) : null;
        return true;
    }

    /** A correct password, or an administrator set a new one. */
    public void clear() {
        failures = 0;
        lastFailureAt = null;
        lockedUntil = null;
    }

    public boolean isClear() {
        return failures == 0 && lockedUntil == null;
    }

    public Long getId() {
        return id;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }
}
