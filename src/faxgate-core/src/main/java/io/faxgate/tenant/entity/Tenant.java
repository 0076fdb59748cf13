package io.faxgate.tenant.entity;

import io.faxgate.platform.entity.VersionedEntity;
import jakarta.persistence.Column;
import io.faxgate.platform.entity.AccessChangeListener;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer company. Everything else in Faxgate belongs to exactly one tenant. */
@Entity
@EntityListeners(AccessChangeListener.class)
@Table(name = "tenant")
@NamedQuery(name = Tenant.BY_SLUG, query = "select t from Tenant t where t.slug = :slug")
@NamedQuery(name = Tenant.ALL, query = "select t from Tenant t order by t.slug")
public class Tenant extends VersionedEntity {

    public static final String BY_SLUG = "Tenant.bySlug";
    public static final String ALL = "Tenant.all";

    /** Lower-case letters, digits and inner hyphens; it appears in URLs customers paste into Entra. */
    public static final String SLUG_PATTERN = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";

    @Column(nullable = false, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(name = "sso_allowed", nullable = false)
    private boolean ssoAllowed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Tenant() {
    }

    public Tenant(String slug, String name, boolean ssoAllowed, Instant now) {
        this.slug = slug;
        this.name = name;
        this.ssoAllowed = ssoAllowed;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
    }

    public void allowSso(boolean allowed, Instant now) {
        this.ssoAllowed = allowed;
        this.updatedAt = now;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public boolean isSsoAllowed() {
        return ssoAllowed;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
