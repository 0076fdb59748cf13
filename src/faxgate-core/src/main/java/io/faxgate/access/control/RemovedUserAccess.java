package io.faxgate.access.control;

import io.faxgate.directory.control.DirectoryUserRemoved;
import io.faxgate.platform.control.AccessEpoch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * When the directory deletes a user, access removes what it kept about them: permission grants and the web staff
 * password that acts as the user (it must not outlive them). App roles: {@link AssertedRoles}.
 */
@ApplicationScoped
public class RemovedUserAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessEpoch epoch;

    void userRemoved(@Observes DirectoryUserRemoved removed) {
        em.createQuery("delete from PermissionGrant g where g.tenantId = :tenantId and g.directoryUserId = :user")
                .setParameter("tenantId", removed.tenantId()).setParameter("user", removed.userId()).executeUpdate();
        em.createQuery("delete from LocalAccount a where a.tenantId = :tenantId and a.directoryUserId = :user")
                .setParameter("tenantId", removed.tenantId()).setParameter("user", removed.userId()).executeUpdate();
        epoch.changedInThisTransaction();
    }
}
