package io.faxgate.sso.entity;

import io.faxgate.platform.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A SAML assertion a tenant accepted, remembered while it could still be accepted so it is accepted once. Stores
 * only the SHA-256 of issuer + assertion ID. The primary key (tenant, key) is what makes first use atomic on every
 * node: a second insert of the same key fails. Immutable: inserted once, deleted when expired.
 */
@Entity
@Table(name = "saml_assertion_use")
@IdClass(UsedAssertion.Key.class)
@NamedQuery(name = UsedAssertion.COUNT_UNEXPIRED_OF_TENANT,
        query = "select count(u) from UsedAssertion u where u.tenantId = :tenantId and u.expiresAt > :now")
@NamedQuery(name = UsedAssertion.DELETE_EXPIRED, query = "delete from UsedAssertion u where u.expiresAt < :before")
public class UsedAssertion implements TenantOwned {

    public static final String COUNT_UNEXPIRED_OF_TENANT = "UsedAssertion.countUnexpiredOfTenant";
    public static final String DELETE_EXPIRED = "UsedAssertion.deleteExpired";

    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Id
    @Column(name = "assertion_key", nullable = false, updatable = false, length = 64)
    private String assertionKey;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected UsedAssertion() {
    }

    public UsedAssertion(long tenantId, String assertionKey, Instant expiresAt) {
        this.tenantId = tenantId;
        this.assertionKey = Objects.requireNonNull(assertionKey, "assertionKey");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public String getAssertionKey() {
        return assertionKey;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** Primary key class (JPA {@code @IdClass}). */
    public static class Key implements Serializable {
        private long tenantId;
        private String assertionKey;

        public Key() {
        }

        public Key(long tenantId, String assertionKey) {
            this.tenantId = tenantId;
            this.assertionKey = assertionKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.tenantId == tenantId && Objects.equals(k.assertionKey, assertionKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, assertionKey);
        }
    }
}
