package io.faxgate.audit.control;

import io.faxgate.audit.entity.AuditEvent;
import java.io.Serializable;
import java.time.Instant;

/** One audit event as the audit log and the SSO tab show it. */
public record AuditEventView(long id, Instant occurredAt, String actor, String type, String outcome, String target,
                             String detail, String sourceIp) implements Serializable {

    public static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.getId(), e.getOccurredAt(), e.getActor(), e.getType(), e.getOutcome().name(),
                e.getTarget(), e.getDetail(), e.getSourceIp());
    }
}
