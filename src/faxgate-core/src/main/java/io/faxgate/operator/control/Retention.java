package io.faxgate.operator.control;

import io.faxgate.platform.control.RetentionPolicy;

import io.faxgate.platform.control.MaintenanceJobs;

import io.faxgate.audit.control.AuditRetention;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.fax.control.FaxDocumentRetention;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily purge of what is older than the retention periods (RetentionPolicy). Every node's timer fires; the
 * "retention" maintenance job row lets exactly one of them run it per day.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Retention {

    public static final String JOB = "retention";
    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    /** Less than a day, so a timer firing a little early on another node does not skip a day. */
    private static final Duration INTERVAL = Duration.ofHours(20);

    @Inject
    RetentionPolicy policy;

    @EJB
    MaintenanceJobs jobs;

    @EJB
    AuditRetention audit;

    @EJB
    FaxDocumentRetention faxDocuments;

    @EJB
    AuditTrail trail;

    @Inject
    Clock clock;

    /** What one run removed. */
    public record Outcome(Instant ranAt, long auditEventsRemoved, long faxDocumentsEmptied) {
    }

    @Schedule(hour = "3", minute = "41", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void daily() {
        try {
            if (jobs.claim(JOB, clock.instant(), INTERVAL)) {
                Outcome outcome = run("faxgate");
                LOG.log(Level.INFO, "retention removed {0} audit events and emptied {1} fax documents",
                        new Object[] {outcome.auditEventsRemoved(), outcome.faxDocumentsEmptied()});
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention failed; it runs again tomorrow", e);
        }
    }

    /** Applies the retention periods now (also on an operator's request); a platform audit event says what it did. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Outcome run(String actor) {
        Instant now = clock.instant();
        long events = policy.auditEventsCutoff(now).map(audit::purgeOlderThan).orElse(0L);
        long documents = policy.faxDocumentsCutoff(now).map(cutoff -> (long) faxDocuments.purgeCreatedBefore(cutoff, now))
                .orElse(0L);
        trail.recordIndependently(null, actor, AuditTypes.RETENTION_PURGED, AuditOutcome.SUCCESS, "retention",
                "removed " + events + " audit events older than " + policy.auditEventsDays() + " days (0 = kept), emptied "
                        + documents + " fax documents older than " + policy.faxDocumentsDays() + " days (0 = kept)", null);
        return new Outcome(now, events, documents);
    }
}
