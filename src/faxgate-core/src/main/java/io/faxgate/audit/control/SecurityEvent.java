package io.faxgate.audit.control;

import io.faxgate.audit.entity.AuditOutcome;
import java.time.Instant;

/**
 * A committed audit event as the SIEM line and the metrics see it. {@link #json()} is the documented line schema
 * (docs/operations.md, "Security events"): no secret ever reaches it, because audit events hold none — they name
 * accounts, objects and typed reasons, never passwords, tokens or assertions.
 */
public record SecurityEvent(long eventId, Instant time, Long tenantId, String tenant, String actor, String sourceAddress,
                            String requestId, String type, AuditOutcome outcome, String target, String detail) {

    public static final int SCHEMA_VERSION = 1;

    /** The typed reason for sign-ins (SignInReason), else null. */
    public String reason() {
        return SignInReason.isSignIn(type) ? SignInReason.of(type, outcome, target, detail) : null;
    }

    /** One line of JSON (no line breaks inside: every control character is escaped). */
    public String json() {
        StringBuilder line = new StringBuilder(256).append('{');
        add(line, "schema", "faxgate.security-event/" + SCHEMA_VERSION);
        add(line, "time", time.toString());
        line.append(",\"eventId\":").append(eventId);
        add(line, "tenant", tenant);
        if (tenantId != null) {
            line.append(",\"tenantId\":").append(tenantId);
        }
        add(line, "actor", actor);
        add(line, "sourceAddress", sourceAddress);
        add(line, "requestId", requestId);
        add(line, "type", type);
        add(line, "outcome", outcome.name());
        add(line, "reason", reason());
        add(line, "target", target);
        add(line, "detail", detail);
        return line.append('}').toString();
    }

    private static void add(StringBuilder line, String name, String value) {
        if (value == null) {
            return;
        }
        if (line.length() > 1) {
            line.append(',');
        }
        line.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == 0x7f) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
