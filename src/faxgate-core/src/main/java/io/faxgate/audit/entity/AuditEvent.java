package io.faxgate.audit.entity;

import io.faxgate.platform.entity.UnversionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One fact for the audit log: who did what to which thing, with which outcome. Never updated. */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = AuditEvent.OF_TENANT, query = "select e from AuditEvent e where e.tenantId = :tenantId order by e.occurredAt desc, e.id desc")
public class AuditEvent extends UnversionedEntity {

    public static final String OF_TENANT = "AuditEvent.ofTenant";

    /** Null for platform-level events (e.g. operator sign-in, tenant creation before the tenant exists). */
    @Column(name = "tenant_id", updatable = false)
    private Long tenantId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AuditOutcome outcome;

    @Column(updatable = false)
    private String target;

    @Column(updatable = false)
    private String detail;

    @Column(name = "source_ip", updatable = false)
    private String sourceIp;

    /** Place in its chain (tenant, or platform); null until the sealer linked it (AuditSealer). */
    @Column(name = "chain_position")
    private Long chainPosition;

    /** SHA-256 (hex) of the previous event's hash and this event's canonical bytes (AuditChainHash). */
    @Column(name = "chain_hash")
    private String chainHash;

    protected AuditEvent() {
    }

    public AuditEvent(Long tenantId, Instant occurredAt, String actor, String type, AuditOutcome outcome,
                      String target, String detail, String sourceIp) {
        this.tenantId = tenantId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.type = type;
        this.outcome = outcome;
        this.target = target;
        this.detail = detail;
        this.sourceIp = sourceIp;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getType() {
        return type;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }

    public String getSourceIp() {
        return sourceIp;
    }

    public Long getChainPosition() {
        return chainPosition;
    }

    public String getChainHash() {
        return chainHash;
    }

    /** Links the event into its chain; done once, by the sealer, under the chain's lock. */
    public void seal(long position, String hash) {
        if (chainPosition != null) {
            throw new IllegalStateException("audit event " + getId() + " is already sealed");
        }
        this.chainPosition = position;
        this.chainHash = hash;
    }
}
