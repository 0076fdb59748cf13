package io.faxgate.fax.entity;

import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.platform.entity.TenantOwned;
import io.faxgate.platform.entity.VersionedEntity;
import jakarta.persistence.Column;
import io.faxgate.platform.entity.AccessChangeListener;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A fax number of the tenant. Staff reach it through the security groups bound to it. */
@Entity
@EntityListeners(AccessChangeListener.class)
@Table(name = "fax_line")
@NamedQuery(name = FaxLine.OF_TENANT, query = "select l from FaxLine l where l.tenantId = :tenantId order by l.number")
@NamedQuery(name = FaxLine.BY_ID, query = "select l from FaxLine l where l.tenantId = :tenantId and l.id = :id")
@NamedQuery(name = FaxLine.BY_NUMBER, query = "select l from FaxLine l where l.number = :number")
// the union of the lines bound to any of the user's groups, within the tenant: memberships joined to bindings by
// group id (a binding's group is in its line's tenant, FaxLine.bind), so neither the groups nor a DISTINCT are needed
@NamedQuery(name = FaxLine.REACHABLE_BY_USER, query = """
        select l from FaxLine l where l.tenantId = :tenantId and l.id in (
            select b.faxLineId from FaxLineBinding b, GroupMembership m
            where m.tenantId = :tenantId and m.directoryUserId = :userId and b.securityGroupId = m.securityGroupId)
        order by l.number""")
public class FaxLine extends VersionedEntity implements TenantOwned {

    public static final String OF_TENANT = "FaxLine.ofTenant";
    public static final String BY_ID = "FaxLine.byId";
    public static final String BY_NUMBER = "FaxLine.byNumber";
    public static final String REACHABLE_BY_USER = "FaxLine.reachableByUser";

    /** E.164: a plus sign, a non-zero country digit, at most 15 digits in all. */
    public static final String E164_PATTERN = "\\+[1-9][0-9]{1,14}";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(nullable = false)
    private String label;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ManyToMany
    @JoinTable(name = "fax_line_group_binding",
            joinColumns = @JoinColumn(name = "fax_line_id"),
            inverseJoinColumns = @JoinColumn(name = "security_group_id"))
    private Set<SecurityGroup> boundGroups = new HashSet<>();

    protected FaxLine() {
    }

    public FaxLine(long tenantId, String number, String label, Instant now) {
        this.tenantId = tenantId;
        this.number = number;
        this.label = label;
        this.createdAt = now;
    }

    /** Binding across tenants would leak lines; the caller checked, this guards the invariant. */
    public boolean bind(SecurityGroup group) {
        if (group.getTenantId() != tenantId) {
            throw new IllegalArgumentException("group and line belong to different tenants");
        }
        return boundGroups.add(group);
    }

    public boolean unbind(SecurityGroup group) {
        return boundGroups.remove(group);
    }

    public void relabel(String newLabel) {
        this.label = newLabel;
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public String getNumber() {
        return number;
    }

    public String getLabel() {
        return label;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<SecurityGroup> getBoundGroups() {
        return Set.copyOf(boundGroups);
    }
}
