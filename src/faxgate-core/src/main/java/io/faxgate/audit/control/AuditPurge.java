package io.faxgate.audit.control;

import io.faxgate.audit.entity.AuditChain;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes a chain's oldest events for retention without breaking its verification: under the chain's lock it
 * checks the segment it is about to remove (evidence of tampering must not be purged away), deletes it, and moves
 * the chain's anchor to the last removed event's position and hash — the walk then starts from there.
 */
@Stateless
public class AuditPurge {

    private static final Logger LOG = Logger.getLogger(AuditPurge.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Removes at most {@code max} of the chain's sealed events, oldest positions first, as long as they (and every
     * event before them in the chain) occurred before {@code cutoff}. Answers how many it removed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeBefore(long key, Instant cutoff, int max) {
        AuditChain head = AuditChains.lock(em, key);
        if (head == null) {
            return 0;
        }
        List<ChainedEvent> oldest = AuditChains.sealedAfter(em, key, head.getAnchorPosition(), Long.MAX_VALUE, max);
        int removable = 0;
        while (removable < oldest.size() && oldest.get(removable).occurredAt().isBefore(cutoff)) {
            removable++;
        }
        if (removable == 0) {
            return 0;
        }
        List<ChainedEvent> segment = oldest.subList(0, removable);
        ChainWalk walk = new ChainWalk(key, head.getAnchorPosition(), head.getAnchorHash());
        walk.check(segment);
        if (!walk.intact()) {
            LOG.log(Level.SEVERE, "audit chain {0}: retention keeps its events because the chain is broken at {1}",
                    new Object[] {key, walk.firstBroken()});
            return 0;
        }
        ChainedEvent last = segment.get(segment.size() - 1);
        int removed = AuditChains.deleteUpTo(em, key, last.position());
        head.anchor(last.position(), last.hash(), removed, last.occurredAt(), clock.instant());
        return removed;
    }
}
