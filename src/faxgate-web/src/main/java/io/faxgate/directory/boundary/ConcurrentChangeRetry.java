package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimProblem;

import jakarta.ejb.EJBException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a SCIM write or a SAML sign-in again (up to {@value #ATTEMPTS} times) when it lost a race the database
 * noticed: a duplicate membership row inserted meanwhile by another path, a user created just in time by a concurrent
 * sign-in of the same person, a lock timeout, a deadlock or serialization failure. Each attempt is a new transaction; a business refusal ({@link ScimProblem}) is never retried.
 */
public final class ConcurrentChangeRetry {

    static final int ATTEMPTS = 4;
    /** unique violation, serialization failure, deadlock (PostgreSQL), lock timeout (H2: 50200, duplicate 23505). */
    private static final Set<String> TRANSIENT_STATES = Set.of("23505", "40001", "40P01", "55P03", "HYT00", "50200");

    private ConcurrentChangeRetry() {
    }

    public static <T> T run(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (EJBException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt + (long) (Math.random() * 30));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ScimProblem) {
                return false;
            }
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && TRANSIENT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
