package io.faxgate.sso.control;

import io.faxgate.sso.entity.UsedAssertion;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SAML replay store: every node sees the same table, so an assertion is accepted once in the whole cluster.
 * First use is an INSERT; the primary key decides (a duplicate-key violation is a replay), never a read before the
 * write. Each tenant has a quota of unexpired entries: an IdP that floods it refuses only its own tenant's sign-ins.
 * The mark is written in its own transaction, so it stays even when the sign-in that follows rolls back.
 */
@Stateless
public class UsedAssertions {

    /** What the store did with an assertion. */
    public enum Outcome { FIRST_USE, REPLAYED, QUOTA_REACHED }

    /**
     * Room for ≈ 14 sign-ins per second of one company sustained over the two-hour mark lifetime (a large company's
     * morning), while a flooding IdP still stops at ≈ 20 MB of rows; see docs/performance.md.
     */
    public static final int DEFAULT_MAX_ENTRIES_PER_TENANT = 100_000;
    /** Rows are purged this long after they expire: covers clock differences between nodes. */
    static final Duration PURGE_GRACE = Duration.ofMinutes(5);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    /** SQLSTATE unique_violation: the same code on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Logger LOG = Logger.getLogger(UsedAssertions.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    @Inject
    ReplayQuotaHeadroom headroom;

    @Inject
    @ConfigProperty(name = "faxgate.sso.replay.max-entries-per-tenant", defaultValue = "" + DEFAULT_MAX_ENTRIES_PER_TENANT)
    int maxEntriesPerTenant;

    /**
     * Records first use of an assertion until {@code expiresAt}.
     *
     * @param assertionKey hex SHA-256 of issuer + assertion ID (the engine's replay key)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome markUsed(long tenantId, String assertionKey, Instant expiresAt, Instant now) {
        Outcome outcome;
        if (headroom.take(tenantId)) {
            requireKey(assertionKey);
            outcome = insert(em, tenantId, assertionKey, expiresAt); // the quota is far away (ReplayQuotaHeadroom)
        } else {
            outcome = record(em, tenantId, assertionKey, expiresAt, now, maxEntriesPerTenant,
                    unexpired -> headroom.counted(tenantId, unexpired, maxEntriesPerTenant));
        }
        if (outcome != Outcome.FIRST_USE) {
            context.setRollbackOnly(); // nothing of a refused use is kept (a failed insert already doomed it)
        }
        return outcome;
    }

    /** The rule itself, in the caller's transaction (tests run it on plain JPA against PostgreSQL and H2). */
    public static Outcome record(EntityManager em, long tenantId, String assertionKey, Instant expiresAt, Instant now,
                                 int maxEntriesPerTenant) {
        return record(em, tenantId, assertionKey, expiresAt, now, maxEntriesPerTenant, unexpired -> { });
    }

    private static Outcome record(EntityManager em, long tenantId, String assertionKey, Instant expiresAt, Instant now,
                                  int maxEntriesPerTenant, java.util.function.LongConsumer counted) {
        requireKey(assertionKey);
        long unexpired = em.createNamedQuery(UsedAssertion.COUNT_UNEXPIRED_OF_TENANT, Long.class)
                .setParameter("tenantId", tenantId).setParameter("now", now).getSingleResult();
        counted.accept(unexpired);
        if (unexpired >= maxEntriesPerTenant) {
            return Outcome.QUOTA_REACHED;
        }
        return insert(em, tenantId, assertionKey, expiresAt);
    }

    private static void requireKey(String assertionKey) {
        if (assertionKey == null || !KEY.matcher(assertionKey).matches()) {
            throw new IllegalArgumentException("assertion key must be a hex SHA-256");
        }
    }

    /** First use is the INSERT; the primary key decides. */
    private static Outcome insert(EntityManager em, long tenantId, String assertionKey, Instant expiresAt) {
        try {
            em.persist(new UsedAssertion(tenantId, assertionKey, expiresAt));
            em.flush();
            return Outcome.FIRST_USE;
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                return Outcome.REPLAYED;
            }
            throw e;
        }
    }

    /**
     * Deletes expired rows (index on expires_at). Runs on every node; concurrent deletes of the same rows are
     * harmless, and a row is only ever deleted after its assertion can no longer be accepted anywhere.
     */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void purgeExpired() {
        int deleted = purge(em, clock.instant());
        if (deleted > 0) {
            LOG.fine(() -> "purged " + deleted + " expired SAML assertion marks");
        }
    }

    public static int purge(EntityManager em, Instant now) {
        return em.createNamedQuery(UsedAssertion.DELETE_EXPIRED).setParameter("before", now.minus(PURGE_GRACE)).executeUpdate();
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
