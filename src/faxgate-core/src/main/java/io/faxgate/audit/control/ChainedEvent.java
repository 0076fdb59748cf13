package io.faxgate.audit.control;

import io.faxgate.audit.entity.AuditEvent;
import java.time.Instant;

/** An audit event as the chain sees it: the hashed content, plus where it sits and the hash stored with it. */
public record ChainedEvent(long id, Long tenantId, Instant occurredAt, String actor, String type, String outcome,
                           String target, String detail, String sourceIp, Long position, String hash) {

    public static ChainedEvent of(AuditEvent e) {
        return new ChainedEvent(e.getId(), e.getTenantId(), e.getOccurredAt(), e.getActor(), e.getType(),
                e.getOutcome() == null ? null : e.getOutcome().name(), e.getTarget(), e.getDetail(), e.getSourceIp(),
                e.getChainPosition(), e.getChainHash());
    }

    /** The same content at another place with another stored hash (tests build chains with it). */
    public ChainedEvent at(long newPosition, String newHash) {
        return new ChainedEvent(id, tenantId, occurredAt, actor, type, outcome, target, detail, sourceIp, newPosition, newHash);
    }
}
