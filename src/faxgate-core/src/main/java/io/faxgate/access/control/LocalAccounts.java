package io.faxgate.access.control;

import io.faxgate.access.entity.LocalAccount;
import io.faxgate.access.entity.LocalAccountKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Reads and stores password accounts. */
@ApplicationScoped
public class LocalAccounts {

    @PersistenceContext
    EntityManager em;

    public Optional<LocalAccount> byUsername(String username) {
        return em.createNamedQuery(LocalAccount.BY_USERNAME, LocalAccount.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    public long countOfKind(LocalAccountKind kind) {
        return em.createNamedQuery(LocalAccount.COUNT_OF_KIND, Long.class).setParameter("kind", kind).getSingleResult();
    }

    /** The web staff password account acting as this directory user, if there is one. */
    public Optional<LocalAccount> webStaffOf(long tenantId, long directoryUserId) {
        return em.createNamedQuery(LocalAccount.WEB_STAFF_OF_USER, LocalAccount.class).setParameter("tenantId", tenantId)
                .setParameter("userId", directoryUserId).getResultStream()
                .filter(a -> a.getKind() == LocalAccountKind.WEB_STAFF).findFirst();
    }

    public void remove(LocalAccount account) {
        em.remove(account);
        em.flush();
    }

    public void add(LocalAccount account) {
        em.persist(account);
        em.flush();
    }
}
