package io.faxgate.directory.entity;

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
import java.time.Instant;

/** A directory security group (Entra, AD, any SCIM client). Its external id is the directory's object id, when the client sends one. */
@Entity
@EntityListeners(AccessChangeListener.class)
@Table(name = "security_group")
@NamedQuery(name = SecurityGroup.OF_TENANT, query = "select g from SecurityGroup g where g.tenantId = :tenantId order by g.displayName")
@NamedQuery(name = SecurityGroup.BY_ID, query = "select g from SecurityGroup g where g.tenantId = :tenantId and g.id = :id")
@NamedQuery(name = SecurityGroup.BY_EXTERNAL_ID, query = "select g from SecurityGroup g where g.tenantId = :tenantId and g.externalId = :externalId")
public class SecurityGroup extends VersionedEntity implements TenantOwned {

    public static final String OF_TENANT = "SecurityGroup.ofTenant";
    public static final String BY_ID = "SecurityGroup.byId";
    public static final String BY_EXTERNAL_ID = "SecurityGroup.byExternalId";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DirectorySource source;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SecurityGroup() {
    }

    public SecurityGroup(long tenantId, String externalId, String displayName, DirectorySource source, Instant now) {
        this.tenantId = tenantId;
        this.externalId = externalId;
        this.displayName = displayName;
        this.source = source;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void identify(String newExternalId, Instant now) {
        this.externalId = newExternalId;
        this.updatedAt = now;
    }

    /** Members changed (they are rows of their own): moves lastModified and the version. */
    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public void rename(String newDisplayName, Instant now) {
        this.displayName = newDisplayName;
        this.updatedAt = now;
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public DirectorySource getSource() {
        return source;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
