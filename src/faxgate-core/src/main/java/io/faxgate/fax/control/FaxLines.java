package io.faxgate.fax.control;

import io.faxgate.fax.entity.FaxLine;
import io.faxgate.platform.boundary.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Reads and stores fax lines, always within one tenant (numbers are unique platform-wide). */
@ApplicationScoped
public class FaxLines {

    @PersistenceContext
    EntityManager em;

    public List<FaxLine> ofTenant(long tenantId) {
        return em.createNamedQuery(FaxLine.OF_TENANT, FaxLine.class).setParameter("tenantId", tenantId).getResultList();
    }

    public FaxLine get(long tenantId, long id) {
        return find(tenantId, id).orElseThrow(() -> new NotFoundException("fax line " + id));
    }

    public boolean numberTaken(String number) {
        return byNumber(number).isPresent();
    }

    /** Platform-wide: numbers are unique across tenants, and a carrier knows only the number. */
    public Optional<FaxLine> byNumber(String number) {
        return em.createNamedQuery(FaxLine.BY_NUMBER, FaxLine.class).setParameter("number", number)
                .getResultStream().findFirst();
    }

    public List<FaxLine> reachableBy(long tenantId, long directoryUserId) {
        return em.createNamedQuery(FaxLine.REACHABLE_BY_USER, FaxLine.class).setParameter("tenantId", tenantId)
                .setParameter("userId", directoryUserId).getResultList();
    }

    public void add(FaxLine line) {
        em.persist(line);
        em.flush();
    }

    public void remove(FaxLine line) {
        em.remove(line);
        em.flush();
    }

    public Optional<FaxLine> find(long tenantId, long id) {
        return em.createNamedQuery(FaxLine.BY_ID, FaxLine.class).setParameter("tenantId", tenantId)
                .setParameter("id", id).getResultStream().findFirst();
    }
}
