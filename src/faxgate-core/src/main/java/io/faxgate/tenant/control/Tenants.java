package io.faxgate.tenant.control;

import io.faxgate.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reads and stores tenants. */
@ApplicationScoped
public class Tenants {

    @PersistenceContext
    EntityManager em;

    public Optional<Tenant> bySlug(String slug) {
        return em.createNamedQuery(Tenant.BY_SLUG, Tenant.class).setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    public Optional<Tenant> byId(long id) {
        return Optional.ofNullable(em.find(Tenant.class, id));
    }

    public List<Tenant> all() {
        return em.createNamedQuery(Tenant.ALL, Tenant.class).getResultList();
    }

    public void add(Tenant tenant) {
        em.persist(tenant);
        em.flush();
    }
}
