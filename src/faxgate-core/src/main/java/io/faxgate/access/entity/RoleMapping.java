package io.faxgate.access.entity;

import io.faxgate.platform.entity.TenantOwned;
import io.faxgate.platform.entity.VersionedEntity;
import jakarta.persistence.Column;
import io.faxgate.platform.entity.AccessChangeListener;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** "Whoever carries this claim value (an Entra app role value or group object id) gets this permission." */
@Entity
@EntityListeners(AccessChangeListener.class)
@Table(name = "role_mapping")
@NamedQuery(name = RoleMapping.OF_TENANT, query = "select r from RoleMapping r where r.tenantId = :tenantId order by r.claimValue, r.permission")
public class RoleMapping extends VersionedEntity implements TenantOwned {

    public static final String OF_TENANT = "RoleMapping.ofTenant";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "claim_value", nullable = false)
    private String claimValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Permission permission;

    protected RoleMapping() {
    }

    public RoleMapping(long tenantId, String claimValue, Permission permission) {
        this.tenantId = tenantId;
        this.claimValue = claimValue;
        this.permission = permission;
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public String getClaimValue() {
        return claimValue;
    }

    public Permission getPermission() {
        return permission;
    }
}
