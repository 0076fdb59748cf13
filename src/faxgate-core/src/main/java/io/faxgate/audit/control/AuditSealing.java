package io.faxgate.audit.control;

import io.faxgate.audit.entity.AuditChain;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the sealer every two seconds on every node; the chain locks make the nodes take turns, and a node that
 * finds nothing left to seal is done at once. Verification also seals on demand first, so it sees every event.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditSealing {

    private static final Logger LOG = Logger.getLogger(AuditSealing.class.getName());
    static final int BATCH = 1000;

    @EJB
    AuditSealer sealer;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sealAll() {
        try {
            for (Long tenantId : sealer.chainsWithUnsealedEvents()) {
                sealChain(AuditChain.keyOf(tenantId));
            }
        } catch (RuntimeException e) {
            // the database may be away (a restart); the next tick seals what is left
            LOG.log(Level.WARNING, "sealing the audit chains failed; retrying on the next tick: {0}", e.toString());
        }
    }

    /** Seals everything of one chain that is committed now. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sealChain(long key) {
        try {
            sealer.open(key);
        } catch (RuntimeException raceLost) {
            // another node created the head row at the same moment: it exists now
        }
        while (sealer.seal(key, BATCH) == BATCH) {
            // more waiting
        }
    }
}
