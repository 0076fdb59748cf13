package io.faxgate.directory.entity;

import io.faxgate.platform.entity.UnversionedEntity;
import io.faxgate.platform.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A bearer token a SCIM client (Entra provisioning, the AD agent) presents. Only its SHA-256 is stored: tokens
 * are 256-bit random values, so a fast hash is enough and lookup stays a single indexed equality.
 */
@Entity
@Table(name = "scim_token")
@NamedQuery(name = ScimToken.BY_HASH, query = "select t from ScimToken t where t.tokenHash = :hash")
@NamedQuery(name = ScimToken.OF_TENANT, query = "select t from ScimToken t where t.tenantId = :tenantId order by t.createdAt, t.id")
@NamedQuery(name = ScimToken.BY_ID, query = "select t from ScimToken t where t.tenantId = :tenantId and t.id = :id")
public class ScimToken extends UnversionedEntity implements TenantOwned {

    public static final String BY_HASH = "ScimToken.byHash";
    public static final String OF_TENANT = "ScimToken.ofTenant";
    public static final String BY_ID = "ScimToken.byId";

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

    /** Requests per second this token may make (below the tenant's rate); null = the tenant's rate only. */
    @Column(name = "rate_per_second")
    private Integer ratePerSecond;

    protected ScimToken() {
    }

    public ScimToken(long tenantId, String label, String tokenHash, String tokenPrefix, Instant now) {
        this.tenantId = tenantId;
        this.label = label;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = now;
    }

    public void limit(Integer newRatePerSecond) {
        this.ratePerSecond = newRatePerSecond;
    }

    public Integer getRatePerSecond() {
        return ratePerSecond;
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
