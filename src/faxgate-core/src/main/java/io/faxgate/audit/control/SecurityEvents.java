package io.faxgate.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands every audit event to the SIEM line and the metrics once its transaction has committed: an event whose
 * business change rolled back never happened, so it is neither logged nor counted. Reached from
 * {@link AuditTrail}, the one place all audit events are recorded, so no event type can be forgotten.
 */
@ApplicationScoped
public class SecurityEvents {

    private static final Logger LOG = Logger.getLogger(SecurityEvents.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    SecurityMetrics metrics;

    void afterCommit(SecurityEvent event) {
        try {
            metrics.prepare(); // still inside the business invocation, where Payara finds the application registry
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "metric registry not available", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    publish(event);
                }
            }
        });
    }

    private void publish(SecurityEvent event) {
        try {
            SecurityEventLog.write(event);
            metrics.count(event);
        } catch (RuntimeException e) {
            // the event is committed in the audit trail; a metrics or log fault must not surface to the caller
            LOG.log(Level.WARNING, "could not publish audit event " + event.eventId(), e);
        }
    }
}
