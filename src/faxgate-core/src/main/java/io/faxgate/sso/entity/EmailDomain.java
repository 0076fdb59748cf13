package io.faxgate.sso.entity;

import io.faxgate.platform.entity.TenantOwned;
import io.faxgate.platform.entity.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An e-mail domain a tenant's staff sign in with. Verified, it sends people who type an address of the domain on the
 * sign-in page to the tenant's IdP. A domain belongs to at most one tenant (unique column); a tenant admin's claim
 * stays unverified until the platform operator confirms it (decision 0024).
 */
@Entity
@Table(name = "email_domain")
@NamedQuery(name = EmailDomain.OF_TENANT, query = "select d from EmailDomain d where d.tenantId = :tenantId order by d.domain")
@NamedQuery(name = EmailDomain.BY_DOMAIN, query = "select d from EmailDomain d where d.domain = :domain")
public class EmailDomain extends VersionedEntity implements TenantOwned {

    public static final String OF_TENANT = "EmailDomain.ofTenant";
    public static final String BY_DOMAIN = "EmailDomain.byDomain";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(nullable = false, updatable = false)
    private String domain;

    @Column(nullable = false)
    private boolean verified;

    @Column(name = "verification_token", nullable = false, updatable = false)
    private String verificationToken;

    @Column(name = "claimed_by", nullable = false, updatable = false)
    private String claimedBy;

    @Column(name = "claimed_at", nullable = false, updatable = false)
    private Instant claimedAt;

    @Column(name = "verified_by")
    private String verifiedBy;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    protected EmailDomain() {
    }

    public EmailDomain(long tenantId, String domain, String verificationToken, String claimedBy, Instant now) {
        this.tenantId = tenantId;
        this.domain = domain;
        this.verificationToken = verificationToken;
        this.claimedBy = claimedBy;
        this.claimedAt = now;
    }

    public void verify(String by, Instant now) {
        if (!verified) {
            verified = true;
            verifiedBy = by;
            verifiedAt = now;
        }
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public String getDomain() {
        return domain;
    }

    public boolean isVerified() {
        return verified;
    }

    public String getVerificationToken() {
        return verificationToken;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }

    public String getVerifiedBy() {
        return verifiedBy;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }
}
