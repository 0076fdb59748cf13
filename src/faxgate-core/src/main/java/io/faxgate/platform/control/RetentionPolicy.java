package io.faxgate.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long Faxgate keeps audit events and fax documents, in days; 0 keeps them forever.
 * {@code faxgate.retention.audit-events-days} (default 400: a year plus the time an annual audit takes) and
 * {@code faxgate.retention.fax-documents-days} (default 0: documents are the customer's records, and deleting them
 * must be a decision the operator takes for their contracts).
 */
@ApplicationScoped
public class RetentionPolicy {

    public static final int DEFAULT_AUDIT_EVENTS_DAYS = 400;
    public static final int DEFAULT_FAX_DOCUMENTS_DAYS = 0;

    @Inject
    @ConfigProperty(name = "faxgate.retention.audit-events-days", defaultValue = "" + DEFAULT_AUDIT_EVENTS_DAYS)
    int auditEventsDays;

    @Inject
    @ConfigProperty(name = "faxgate.retention.fax-documents-days", defaultValue = "" + DEFAULT_FAX_DOCUMENTS_DAYS)
    int faxDocumentsDays;

    public int auditEventsDays() {
        return Math.max(0, auditEventsDays);
    }

    public int faxDocumentsDays() {
        return Math.max(0, faxDocumentsDays);
    }

    /** Audit events that occurred before this are removed; empty when they are kept forever. */
    public Optional<Instant> auditEventsCutoff(Instant now) {
        return cutoff(now, auditEventsDays());
    }

    public Optional<Instant> faxDocumentsCutoff(Instant now) {
        return cutoff(now, faxDocumentsDays());
    }

    static Optional<Instant> cutoff(Instant now, int days) {
        return days <= 0 ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(days)));
    }
}
