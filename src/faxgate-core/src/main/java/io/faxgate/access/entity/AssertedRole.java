package io.faxgate.access.entity;

import io.faxgate.platform.entity.TenantOwned;
import io.faxgate.platform.entity.UnversionedEntity;
import jakarta.persistence.Column;
import io.faxgate.platform.entity.AccessChangeListener;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An app-role value the user's IdP asserted at their latest sign-in; replaced as a whole at each sign-in. */
@Entity
@EntityListeners(AccessChangeListener.class)
@Table(name = "asserted_role")
@NamedQuery(name = AssertedRole.OF_USER, query = "select r from AssertedRole r where r.tenantId = :tenantId and r.directoryUserId = :userId")
@NamedQuery(name = AssertedRole.DELETE_OF_USER, query = "delete from AssertedRole r where r.tenantId = :tenantId and r.directoryUserId = :userId")
public class AssertedRole extends UnversionedEntity implements TenantOwned {

    public static final String OF_USER = "AssertedRole.ofUser";
    public static final String DELETE_OF_USER = "AssertedRole.deleteOfUser";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "directory_user_id", nullable = false, updatable = false)
    private long directoryUserId;

    @Column(name = "role_value", nullable = false, updatable = false)
    private String roleValue;

    protected AssertedRole() {
    }

    public AssertedRole(long tenantId, long directoryUserId, String roleValue) {
        this.tenantId = tenantId;
        this.directoryUserId = directoryUserId;
        this.roleValue = roleValue;
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public long getDirectoryUserId() {
        return directoryUserId;
    }

    public String getRoleValue() {
        return roleValue;
    }
}
