package io.faxgate.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The head and the anchor of one audit chain (a tenant's, or the platform's). Its row is the chain's lock: whoever
 * seals, purges or verifies the chain holds it FOR UPDATE, so several nodes never interleave on one chain.
 */
@Entity
@Table(name = "audit_chain")
public class AuditChain {

    /** Chain of the events without a tenant (operator actions, sign-ins of unknown users, rate limits). */
    public static final long PLATFORM = 0L;
    /** The "previous hash" of a chain's first event. */
    public static final String GENESIS = "0".repeat(64);

    @Id
    @Column(name = "chain_key")
    private Long key;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    @Column(name = "anchor_position", nullable = false)
    private long anchorPosition;

    @Column(name = "anchor_hash", nullable = false)
    private String anchorHash;

    @Column(name = "purged_events", nullable = false)
    private long purgedEvents;

    @Column(name = "purged_through")
    private Instant purgedThrough;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AuditChain() {
    }

    public AuditChain(long key, Instant now) {
        this.key = key;
        this.lastHash = GENESIS;
        this.anchorHash = GENESIS;
        this.updatedAt = now;
    }

    /** The chain key of an event: its tenant, or {@link #PLATFORM}. */
    public static long keyOf(Long tenantId) {
        return tenantId == null ? PLATFORM : tenantId;
    }

    /** The tenant an event of this chain carries (null for the platform chain). */
    public static Long tenantOf(long key) {
        return key == PLATFORM ? null : key;
    }

    public void advance(long position, String hash, Instant now) {
        this.lastPosition = position;
        this.lastHash = hash;
        this.updatedAt = now;
    }

    /** Events up to {@code position} were removed by retention; their last hash anchors what remains. */
    public void anchor(long position, String hash, long removed, Instant through, Instant now) {
        this.anchorPosition = position;
        this.anchorHash = hash;
        this.purgedEvents += removed;
        if (through != null && (purgedThrough == null || through.isAfter(purgedThrough))) {
            this.purgedThrough = through;
        }
        this.updatedAt = now;
    }

    public long getKey() {
        return key;
    }

    public long getLastPosition() {
        return lastPosition;
    }

    public String getLastHash() {
        return lastHash;
    }

    public long getAnchorPosition() {
        return anchorPosition;
    }

    public String getAnchorHash() {
        return anchorHash;
    }

    public long getPurgedEvents() {
        return purgedEvents;
    }

    public Instant getPurgedThrough() {
        return purgedThrough;
    }
}
