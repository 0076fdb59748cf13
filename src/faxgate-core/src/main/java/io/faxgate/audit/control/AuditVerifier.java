package io.faxgate.audit.control;

import io.faxgate.audit.control.AuditVerification;
import io.faxgate.audit.entity.AuditChain;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Verifies one chain: walks its stored events from the retention anchor to the head and recomputes each link. */
@Stateless
public class AuditVerifier {

    static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    /** Holds the chain's lock while walking, so a purge or a seal on another node cannot move the ground under it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditVerification verify(long key) {
        AuditChain head = AuditChains.lock(em, key);
        long headPosition = head == null ? 0 : head.getLastPosition();
        String headHash = head == null ? AuditChain.GENESIS : head.getLastHash();
        long anchorPosition = head == null ? 0 : head.getAnchorPosition();
        ChainWalk walk = new ChainWalk(key, anchorPosition, head == null ? AuditChain.GENESIS : head.getAnchorHash());
        long afterPosition = Long.MIN_VALUE;
        long afterId = Long.MIN_VALUE;
        List<ChainedEvent> batch;
        do {
            batch = AuditChains.sealedAfter(em, key, afterPosition, afterId, BATCH);
            walk.check(batch);
            if (!batch.isEmpty()) {
                afterPosition = batch.get(batch.size() - 1).position();
                afterId = batch.get(batch.size() - 1).id();
            }
            em.clear();
        } while (batch.size() == BATCH);
        walk.finish(headPosition, headHash);
        return new AuditVerification(walk.intact(), walk.events(), walk.firstBroken(), headPosition, anchorPosition,
                head == null ? 0 : head.getPurgedEvents(), head == null ? null : head.getPurgedThrough());
    }
}
