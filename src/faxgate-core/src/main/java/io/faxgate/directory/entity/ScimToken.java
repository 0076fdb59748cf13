package io.faxgate.directory.entity;

import io.faxgate.platform.entity.UnversionedEntity;
import io.faxgate.platform.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A bearer token a SCIM client (Entra provisioning, the AD agent) presents. Only its SHA-256 is stored: tokens
 * are 256-bit random values, so a fast hash is enough and lookup stays a single indexed equality.
 */
@Entity
@Table(name = "scim_token")
public class ScimToken extends UnversionedEntity implements TenantOwned {

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(nullable = false)
    private String label;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    /** The first characters of the token, so an admin can tell tokens apart without the secret. */
    @Column(name = "token_prefix", nullable = false, updatable = false)
    private String tokenPrefix;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ScimToken() {
    }

    public ScimToken(long tenantId, String label, String tokenHash, String tokenPrefix, Instant now) {
        this.tenantId = tenantId;
        this.label = label;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = now;
    }

    public void used(Instant now) {
        this.lastUsedAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            this.revokedAt = now;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public String getLabel() {
        return label;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public String getTokenPrefix() {
        return tokenPrefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
