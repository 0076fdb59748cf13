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

    public void add(LocalAccount account) {
        em.persist(account);
        em.flush();
    }
}
