package io.faxgate.sso.entity;

import io.faxgate.platform.entity.TenantOwned;
import io.faxgate.platform.entity.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of the sign-in debugger: what a test sign-in or a refused real sign-in carried, as displayable fields
 * (JSON in {@code report}), never the raw SAML message. Bounded per tenant and kind (SignInRecords).
 */
@Entity
@Table(name = "sso_sign_in_record")
public class SignInRecord extends VersionedEntity implements TenantOwned {

    /** A test sign-in an admin ran from the SSO page, or a real sign-in Faxgate refused. */
    public enum Kind { TEST, REFUSED }

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private boolean passed;

    @Column(updatable = false)
    private String reason;

    /** The connection fingerprint of the settings the sign-in was checked against. */
    @Column(updatable = false)
    private String fingerprint;

    @Column(nullable = false, updatable = false)
    private String report;

    protected SignInRecord() {
    }

    public SignInRecord(long tenantId, Kind kind, Instant occurredAt, String actor, boolean passed, String reason,
                        String fingerprint, String report) {
        this.tenantId = tenantId;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.passed = passed;
        this.reason = reason;
        this.fingerprint = fingerprint;
        this.report = report;
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public Kind getKind() {
        return kind;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public boolean isPassed() {
        return passed;
    }

    public String getReason() {
        return reason;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getReport() {
        return report;
    }
}
