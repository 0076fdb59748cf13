package io.faxgate.fax.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Empties fax documents older than the retention period. The row stays (the fax refers to it; size and SHA-256
 * remain evidence of what was faxed); documents of faxes still being sent are kept until they are done.
 */
@Stateless
public class FaxDocumentRetention {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeCreatedBefore(Instant cutoff, Instant now) {
        return em.createNativeQuery("UPDATE fax_document SET content = ?, purged_at = ? WHERE created_at < ?"
                        + " AND purged_at IS NULL AND id NOT IN (SELECT f.document_id FROM fax f WHERE f.status IN ('QUEUED', 'SENDING'))")
                .setParameter(1, new byte[0])
                .setParameter(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(3, LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .executeUpdate();
    }
}
