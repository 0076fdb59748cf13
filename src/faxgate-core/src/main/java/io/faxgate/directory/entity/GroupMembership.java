package io.faxgate.directory.entity;

import io.faxgate.platform.entity.UnversionedEntity;
import io.faxgate.platform.entity.TenantOwned;
import jakarta.persistence.Column;
import io.faxgate.platform.entity.AccessChangeListener;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A user's direct membership in a security group. A row of its own (not a collection on the group) so that
 * adding one member to a group of 10,000 never loads the other 9,999, and parallel SCIM PATCHes don't collide.
 */
@Entity
@EntityListeners(AccessChangeListener.class)
@Table(name = "group_membership")
@NamedQuery(name = GroupMembership.GROUPS_OF_USER, query = """
        select g from SecurityGroup g, GroupMembership m where m.tenantId = :tenantId and g.tenantId = :tenantId
        and m.directoryUserId = :userId and g.id = m.securityGroupId order by g.displayName""")
public class GroupMembership extends UnversionedEntity implements TenantOwned {

    public static final String GROUPS_OF_USER = "GroupMembership.groupsOfUser";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "security_group_id", nullable = false, updatable = false)
    private long securityGroupId;

    @Column(name = "directory_user_id", nullable = false, updatable = false)
    private long directoryUserId;

    protected GroupMembership() {
    }

    public GroupMembership(long tenantId, long securityGroupId, long directoryUserId) {
        this.tenantId = tenantId;
        this.securityGroupId = securityGroupId;
        this.directoryUserId = directoryUserId;
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public long getSecurityGroupId() {
        return securityGroupId;
    }

    public long getDirectoryUserId() {
        return directoryUserId;
    }
}
