package io.faxgate.audit.entity;

public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    DENIED,
    WARNING
}
