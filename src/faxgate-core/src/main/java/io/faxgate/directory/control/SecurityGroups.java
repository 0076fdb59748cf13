package io.faxgate.directory.control;

import io.faxgate.directory.entity.GroupMembership;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.platform.boundary.NotFoundException;
import io.faxgate.platform.control.AccessEpoch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Reads and stores security groups, always within one tenant: the only writer of {@code security_group}
 * (memberships: {@link GroupMembers}).
 */
@ApplicationScoped
public class SecurityGroups {

    @PersistenceContext
    EntityManager em;

    @Inject
    GroupMembers members;

    @Inject
    Event<SecurityGroupRemoved> removed;

    @Inject
    AccessEpoch epoch;

    /** The group, locked until commit when {@code lock}: parallel changes of one group queue here. */
    public Optional<SecurityGroup> find(long tenantId, long id, boolean lock) {
        var query = em.createNamedQuery(SecurityGroup.BY_ID, SecurityGroup.class).setParameter("tenantId", tenantId)
                .setParameter("id", id);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    public boolean externalIdTaken(long tenantId, String externalId, long exceptId) {
        return !em.createQuery("select g.id from SecurityGroup g where g.tenantId = :tenantId and g.externalId = :externalId"
                        + " and g.id <> :id", Long.class)
                .setParameter("tenantId", tenantId).setParameter("externalId", externalId)
                .setParameter("id", exceptId).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Deletes the group with its memberships; the other components remove their rows about the group first
     * ({@link SecurityGroupRemoved}, same transaction). The event, with what the others released, and the number
     * of memberships that went.
     */
    public Removal remove(SecurityGroup group) {
        int memberships = members.removeAll(group.getTenantId(), group.getId());
        SecurityGroupRemoved event = new SecurityGroupRemoved(group.getTenantId(), group.getId());
        removed.fire(event);
        epoch.changedInThisTransaction();
        em.remove(group);
        em.flush();
        return new Removal(memberships, event.released());
    }

    /** What a group's deletion took with it. */
    public record Removal(int memberships, List<String> released) {
    }


    public List<SecurityGroup> ofTenant(long tenantId) {
        return em.createNamedQuery(SecurityGroup.OF_TENANT, SecurityGroup.class).setParameter("tenantId", tenantId)
                .getResultList();
    }

    public SecurityGroup get(long tenantId, long id) {
        return em.createNamedQuery(SecurityGroup.BY_ID, SecurityGroup.class).setParameter("tenantId", tenantId)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("security group " + id));
    }

    public Optional<SecurityGroup> byExternalId(long tenantId, String externalId) {
        return em.createNamedQuery(SecurityGroup.BY_EXTERNAL_ID, SecurityGroup.class).setParameter("tenantId", tenantId)
                .setParameter("externalId", externalId).getResultStream().findFirst();
    }

    public List<SecurityGroup> ofUser(long tenantId, long userId) {
        return em.createNamedQuery(GroupMembership.GROUPS_OF_USER, SecurityGroup.class)
                .setParameter("tenantId", tenantId).setParameter("userId", userId).getResultList();
    }

    public void add(SecurityGroup group) {
        em.persist(group);
        em.flush();
    }

    public void flush() {
        em.flush();
    }
}
