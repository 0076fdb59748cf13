package io.faxgate.access.entity;

import io.faxgate.platform.entity.TenantOwned;
import io.faxgate.platform.entity.UnversionedEntity;
import jakarta.persistence.Column;
import io.faxgate.platform.entity.AccessChangeListener;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A permission granted to one user in Faxgate's User Maintenance (tenants in "Authentication only" mode). */
@Entity
@EntityListeners(AccessChangeListener.class)
@Table(name = "permission_grant")
@NamedQuery(name = PermissionGrant.OF_USER, query = "select g from PermissionGrant g where g.tenantId = :tenantId and g.directoryUserId = :userId")
public class PermissionGrant extends UnversionedEntity implements TenantOwned {

    public static final String OF_USER = "PermissionGrant.ofUser";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "directory_user_id", nullable = false, updatable = false)
    private long directoryUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Permission permission;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    protected PermissionGrant() {
    }

    public PermissionGrant(long tenantId, long directoryUserId, Permission permission, String grantedBy, Instant now) {
        this.tenantId = tenantId;
        this.directoryUserId = directoryUserId;
        this.permission = permission;
        this.grantedBy = grantedBy;
        this.grantedAt = now;
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public long getDirectoryUserId() {
        return directoryUserId;
    }

    public Permission getPermission() {
        return permission;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }
}
