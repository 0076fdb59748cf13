package io.faxgate.access.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 11 item 8: the lockout counts every password check before it is made, and ends only as documented. */
class AccountLockoutTest {

    private Instant now = Instant.parse("2026-12-06T10:00:00Z");
    private final AccountLockout lockout = new AccountLockout(1L, 0, null, null);

    @Test
    void theFifthCountedCheckLocksAndTheSixthIsNotEvenMade() {
        for (int i = 1; i < AccountLockout.MAX_FAILURES; i++) {
            assertThat(lockout.countAttempt(now)).as("check " + i).isTrue();
            assertThat(lockout.lockedAt(now)).isFalse();
        }
        assertThat(lockout.countAttempt(now)).as("the fifth check is made").isTrue();
        assertThat(lockout.lockedAt(now)).as("and locks").isTrue();
        assertThat(lockout.countAttempt(now)).as("no sixth check, whatever the password").isFalse();
        assertThat(lockout.getFailures()).isEqualTo(AccountLockout.MAX_FAILURES);
    }

    @Test
    void checksInFlightCountBeforeTheirResult() {
        // Twenty parallel requests: each is counted before any of them has verified a password.
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            if (lockout.countAttempt(now)) {
                allowed++;
            }
        }
        assertThat(allowed).as("at most five passwords are ever verified").isEqualTo(AccountLockout.MAX_FAILURES);
    }

    @Test
    void theLockEndsAfterItsPeriodAndTheCountStartsAgain() {
        for (int i = 0; i < AccountLockout.MAX_FAILURES; i++) {
            lockout.countAttempt(now);
        }
        now = now.plus(AccountLockout.LOCKED_FOR).minusSeconds(1);
        assertThat(lockout.lockedAt(now)).as("still locked a second before the end").isTrue();
        now = now.plusSeconds(1);
        assertThat(lockout.lockedAt(now)).isFalse();
        assertThat(lockout.countAttempt(now)).isTrue();
        assertThat(lockout.getFailures()).as("a fresh count, not the sixth failure").isEqualTo(1);
        assertThat(lockout.lockedAt(now)).isFalse();
    }

    @Test
    void failuresFurtherApartThanTheWindowDoNotAddUp() {
        for (int i = 0; i < AccountLockout.MAX_FAILURES - 1; i++) {
            lockout.countAttempt(now);
        }
        now = now.plus(AccountLockout.FAILURE_WINDOW);
        lockout.countAttempt(now);
        assertThat(lockout.lockedAt(now)).isFalse();
        assertThat(lockout.getFailures()).isEqualTo(1);
    }

    @Test
    void theRightPasswordOrAnAdministratorsResetClearsIt() {
        for (int i = 0; i < AccountLockout.MAX_FAILURES; i++) {
            lockout.countAttempt(now);
        }
        lockout.clear();
        assertThat(lockout.lockedAt(now)).isFalse();
        assertThat(lockout.isClear()).isTrue();
        assertThat(lockout.countAttempt(now.plus(Duration.ofSeconds(1)))).isTrue();
        assertThat(lockout.getFailures()).isEqualTo(1);
    }
}
