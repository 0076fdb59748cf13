package io.faxgate.audit.control;

import io.faxgate.audit.entity.AuditChain;
import io.faxgate.audit.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * Links committed audit events into their chain. Recording stays a plain insert (no sign-in waits for a chain
 * lock); shortly after commit the sealer takes the chain's head row FOR UPDATE — one node at a time per chain —
 * and gives each unsealed event, in id order, the next position and its hash. The hash is computed from the event
 * as the database returns it, so what is verified later is exactly what was stored.
 */
@Stateless
public class AuditSealer {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Chains that have events waiting to be sealed (tenant ids; null for the platform chain). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> chainsWithUnsealedEvents() {
        return em.createQuery("select distinct e.tenantId from AuditEvent e where e.chainPosition is null", Long.class)
                .getResultList();
    }

    /**
     * Creates the chain's head row if it has none. Two nodes may race here: the loser's insert fails on the primary
     * key, which the caller ignores (the row then exists), hence a transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void open(long key) {
        if (em.find(AuditChain.class, key) == null) {
            em.persist(new AuditChain(key, clock.instant()));
            em.flush();
        }
    }

    /** Seals up to {@code max} events of the chain; answers how many it sealed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int seal(long key, int max) {
        AuditChain head = AuditChains.lock(em, key);
        if (head == null) {
            return 0;
        }
        List<AuditEvent> unsealed = AuditChains.events(em, key, "e.chainPosition is null", "e.id").setMaxResults(max)
                .getResultList();
        long position = head.getLastPosition();
        String hash = head.getLastHash();
        for (AuditEvent event : unsealed) {
            position++;
            hash = AuditChainHash.link(hash, key, ChainedEvent.of(event));
            event.seal(position, hash);
        }
        if (!unsealed.isEmpty()) {
            head.advance(position, hash, clock.instant());
        }
        return unsealed.size();
    }
}
