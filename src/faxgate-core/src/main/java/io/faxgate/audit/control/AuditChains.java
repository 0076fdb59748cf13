package io.faxgate.audit.control;

import io.faxgate.audit.entity.AuditChain;
import io.faxgate.audit.entity.AuditEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** Queries over one chain's events; a chain is the events of one tenant, or those without a tenant. */
final class AuditChains {

    private AuditChains() {
    }

    /** The chain's head row, locked FOR UPDATE until the transaction ends; null if the chain has none yet. */
    static AuditChain lock(EntityManager em, long key) {
        return em.find(AuditChain.class, key, LockModeType.PESSIMISTIC_WRITE);
    }

    static TypedQuery<AuditEvent> events(EntityManager em, long key, String condition, String order) {
        String chain = key == AuditChain.PLATFORM ? "e.tenantId is null" : "e.tenantId = :tenantId";
        TypedQuery<AuditEvent> q = em.createQuery("select e from AuditEvent e where " + chain + " and " + condition
                + " order by " + order, AuditEvent.class);
        if (key != AuditChain.PLATFORM) {
            q.setParameter("tenantId", key);
        }
        return q;
    }

    /** Sealed events after ({@code position}, {@code id}), in chain order (a tampered chain may repeat positions). */
    static List<ChainedEvent> sealedAfter(EntityManager em, long key, long position, long id, int max) {
        return events(em, key, "(e.chainPosition > :position or (e.chainPosition = :position and e.id > :id))",
                "e.chainPosition, e.id").setParameter("position", position).setParameter("id", id)
                .setMaxResults(max).getResultList().stream().map(ChainedEvent::of).toList();
    }

    /** Deletes the chain's sealed events up to and including {@code position}. */
    static int deleteUpTo(EntityManager em, long key, long position) {
        String chain = key == AuditChain.PLATFORM ? "e.tenantId is null" : "e.tenantId = :tenantId";
        var delete = em.createQuery("delete from AuditEvent e where " + chain + " and e.chainPosition <= :position")
                .setParameter("position", position);
        if (key != AuditChain.PLATFORM) {
            delete.setParameter("tenantId", key);
        }
        return delete.executeUpdate();
    }
}
