package io.faxgate.sso.control;

import io.faxgate.sso.entity.EmailDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reads and stores tenants' e-mail domains; the only code that writes {@code email_domain}. */
@ApplicationScoped
public class EmailDomains {

    @PersistenceContext
    EntityManager em;

    public List<EmailDomain> ofTenant(long tenantId) {
        return em.createNamedQuery(EmailDomain.OF_TENANT, EmailDomain.class).setParameter("tenantId", tenantId)
                .getResultList();
    }

    /** Whoever holds the domain (verified or not): a domain belongs to at most one tenant. */
    public Optional<EmailDomain> byDomain(String domain) {
        return em.createNamedQuery(EmailDomain.BY_DOMAIN, EmailDomain.class).setParameter("domain", domain)
                .getResultStream().findFirst();
    }

    public void add(EmailDomain domain) {
        em.persist(domain);
        em.flush(); // the unique constraint answers a parallel claim of the same domain now, not at commit
    }

    public void remove(EmailDomain domain) {
        em.remove(domain);
        em.flush();
    }
}
