package io.faxgate.platform.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Lets exactly one node run a periodic job: every node's timer fires, the first to lock the job's row (FOR UPDATE)
 * and find it not run within the interval marks it run and goes ahead; the others, waiting on the lock, then find it
 * done. The mark commits before the job runs, so a job that fails halfway waits for its next turn.
 */
@Stateless
public class MaintenanceJobs {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String job, Instant now, Duration interval) {
        @SuppressWarnings("unchecked")
        List<Object> lastRun = em.createNativeQuery("SELECT last_run_at FROM maintenance_job WHERE name = ? FOR UPDATE")
                .setParameter(1, job).getResultList();
        if (lastRun.isEmpty()) {
            throw new IllegalStateException("no maintenance job " + job + " (migration V9_1)");
        }
        Instant last = instant(lastRun.get(0));
        if (last != null && last.isAfter(now.minus(interval))) {
            return false;
        }
        em.createNativeQuery("UPDATE maintenance_job SET last_run_at = ? WHERE name = ?")
                .setParameter(1, LocalDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(2, job).executeUpdate();
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Instant lastRun(String job) {
        @SuppressWarnings("unchecked")
        List<Object> lastRun = em.createNativeQuery("SELECT last_run_at FROM maintenance_job WHERE name = ?")
                .setParameter(1, job).getResultList();
        return lastRun.isEmpty() ? null : instant(lastRun.get(0));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
