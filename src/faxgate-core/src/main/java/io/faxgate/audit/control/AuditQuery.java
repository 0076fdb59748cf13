package io.faxgate.audit.control;

import java.io.Serializable;
import java.time.Instant;

/**
 * Filters of the audit log; every one is optional. {@code from} is inclusive, {@code to} exclusive; {@code actor}
 * matches a part of the actor (case-insensitive); {@code type} and {@code outcome} match exactly.
 */
public record AuditQuery(Instant from, Instant to, String actor, String type, String outcome) implements Serializable {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }
}
