package io.faxgate.fax.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One row of {@code fax_line_group_binding}, for queries only: the bindings are written through
 * {@link FaxLine#bind}/{@link FaxLine#unbind} (which guard that line and group share a tenant). With the row as an
 * entity, "the lines this user's groups reach" joins the binding straight to the memberships — one set-based query
 * that never reads the groups themselves.
 */
@Entity
@Table(name = "fax_line_group_binding")
@IdClass(FaxLineBinding.Key.class)
public class FaxLineBinding {

    @Id
    @Column(name = "fax_line_id")
    private long faxLineId;

    @Id
    @Column(name = "security_group_id")
    private long securityGroupId;

    protected FaxLineBinding() {
    }

    public long getFaxLineId() {
        return faxLineId;
    }

    public long getSecurityGroupId() {
        return securityGroupId;
    }

    /** Primary key class (JPA {@code @IdClass}). */
    public static class Key implements Serializable {
        private long faxLineId;
        private long securityGroupId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.faxLineId == faxLineId && k.securityGroupId == securityGroupId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(faxLineId, securityGroupId);
        }
    }
}
