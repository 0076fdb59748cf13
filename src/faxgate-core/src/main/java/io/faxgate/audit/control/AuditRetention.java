package io.faxgate.audit.control;

import io.faxgate.audit.entity.AuditChain;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Removes audit events older than a cutoff from every chain, in bounded transactions, each chain anchored. */
@Stateless
public class AuditRetention {

    static final int BATCH = 5000;

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditSealing sealing;

    @EJB
    AuditPurge purge;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long purgeOlderThan(Instant cutoff) {
        long removed = 0;
        for (Long tenantId : chainsWithEventsBefore(cutoff)) {
            long key = AuditChain.keyOf(tenantId);
            sealing.sealChain(key); // only sealed events are purged; an old unsealed one would block the prefix
            int batch;
            do {
                batch = purge.purgeBefore(key, cutoff, BATCH);
                removed += batch;
            } while (batch == BATCH);
        }
        return removed;
    }

    private List<Long> chainsWithEventsBefore(Instant cutoff) {
        return em.createQuery("select distinct e.tenantId from AuditEvent e where e.occurredAt < :cutoff", Long.class)
                .setParameter("cutoff", cutoff).getResultList();
    }
}
