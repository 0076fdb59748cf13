package io.faxgate.directory.control;

import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.platform.boundary.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;

/** Reads and stores directory users, always within one tenant. */
@ApplicationScoped
public class DirectoryUsers {

    @PersistenceContext
    EntityManager em;

    public DirectoryUser get(long tenantId, long id) {
        return em.createNamedQuery(DirectoryUser.BY_ID, DirectoryUser.class).setParameter("tenantId", tenantId)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("user " + id));
    }

    /** A page of users whose userName, email or display name contains {@code search} (case-insensitive). */
    public List<DirectoryUser> search(long tenantId, String search, int page, int size) {
        return em.createNamedQuery(DirectoryUser.SEARCH, DirectoryUser.class).setParameter("tenantId", tenantId)
                .setParameter("term", likeTerm(search)).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(long tenantId, String search) {
        return em.createNamedQuery(DirectoryUser.COUNT_SEARCH, Long.class).setParameter("tenantId", tenantId)
                .setParameter("term", likeTerm(search)).getSingleResult();
    }

    public void add(DirectoryUser user) {
        em.persist(user);
        em.flush();
    }

    /** Escapes LIKE wildcards so that a search for "50%" finds "50%", not everything. */
    static String likeTerm(String search) {
        String plain = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        return "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
