package io.faxgate.sso.entity;

import io.faxgate.platform.entity.TenantOwned;
import io.faxgate.platform.entity.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One of the tenant's service-provider key pairs: the signing pair (AuthnRequests, logout messages, our metadata) or
 * the encryption pair (decrypts encrypted assertions), see {@link SpKeyUse}. The private key is stored only sealed
 * with the platform master key (AES-256-GCM).
 */
@Entity
// The web tier keeps each tenant's SAML configuration (keys included) until the AccessEpoch moves.
@EntityListeners(io.faxgate.platform.entity.AccessChangeListener.class)
@Table(name = "sp_key_pair")
@NamedQuery(name = SpKeyPair.ACTIVE_OF_TENANT, query = "select k from SpKeyPair k where k.tenantId = :tenantId and k.keyUse = :use"
        + " and k.active = true order by k.createdAt desc, k.id desc")
public class SpKeyPair extends VersionedEntity implements TenantOwned {

    public static final String ACTIVE_OF_TENANT = "SpKeyPair.activeOfTenant";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "certificate_pem", nullable = false, updatable = false)
    private String certificatePem;

    @Column(name = "sealed_private_key", nullable = false, updatable = false)
    private String sealedPrivateKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_use", nullable = false, updatable = false)
    private SpKeyUse keyUse = SpKeyUse.SIGNING;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SpKeyPair() {
    }

    /** A signing key pair. */
    public SpKeyPair(long tenantId, String certificatePem, String sealedPrivateKey, Instant now) {
        this(tenantId, SpKeyUse.SIGNING, certificatePem, sealedPrivateKey, now);
    }

    public SpKeyPair(long tenantId, SpKeyUse keyUse, String certificatePem, String sealedPrivateKey, Instant now) {
        this.tenantId = tenantId;
        this.keyUse = keyUse;
        this.certificatePem = certificatePem;
        this.sealedPrivateKey = sealedPrivateKey;
        this.active = true;
        this.createdAt = now;
    }

    public void retire() {
        this.active = false;
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public String getCertificatePem() {
        return certificatePem;
    }

    public String getSealedPrivateKey() {
        return sealedPrivateKey;
    }

    public SpKeyUse getKeyUse() {
        return keyUse;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
