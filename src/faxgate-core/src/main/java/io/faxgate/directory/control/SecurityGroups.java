package io.faxgate.directory.control;

import io.faxgate.directory.entity.GroupMembership;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.platform.boundary.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reads and stores security groups and memberships, always within one tenant. */
@ApplicationScoped
public class SecurityGroups {

    @PersistenceContext
    EntityManager em;

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
}
