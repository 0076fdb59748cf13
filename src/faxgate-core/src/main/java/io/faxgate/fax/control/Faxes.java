package io.faxgate.fax.control;

import io.faxgate.fax.entity.Fax;
import io.faxgate.fax.entity.FaxDocument;
import io.faxgate.fax.entity.FaxStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Reads and stores faxes and their documents, always within one tenant. */
@ApplicationScoped
public class Faxes {

    @PersistenceContext
    EntityManager em;

    public List<Fax> ofLine(long tenantId, long lineId, int first, int max) {
        return em.createNamedQuery(Fax.OF_LINE, Fax.class).setParameter("tenantId", tenantId)
                .setParameter("lineId", lineId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countOfLine(long tenantId, long lineId) {
        return em.createNamedQuery(Fax.COUNT_OF_LINE, Long.class).setParameter("tenantId", tenantId)
                .setParameter("lineId", lineId).getSingleResult();
    }

    public Optional<Fax> find(long tenantId, long id) {
        return em.createNamedQuery(Fax.BY_ID, Fax.class).setParameter("tenantId", tenantId).setParameter("id", id)
                .getResultStream().findFirst();
    }

    /** The fax, row-locked until the transaction ends: one worker per fax, on any node. */
    public Optional<Fax> lock(long id) {
        return Optional.ofNullable(em.find(Fax.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<Long> idsInStatusSince(FaxStatus status, Instant before, int max) {
        return em.createNamedQuery(Fax.IN_STATUS_SINCE, Long.class).setParameter("status", status)
                .setParameter("before", before).setMaxResults(max).getResultList();
    }

    public Optional<FaxDocument> document(long tenantId, long documentId) {
        return em.createNamedQuery(FaxDocument.BY_ID, FaxDocument.class).setParameter("tenantId", tenantId)
                .setParameter("id", documentId).getResultStream().findFirst();
    }

    public FaxDocument storeDocument(long tenantId, byte[] pdf, Instant now) {
        FaxDocument document = new FaxDocument(tenantId, pdf, sha256(pdf), now);
        em.persist(document);
        em.flush();
        return document;
    }

    public Fax add(Fax fax) {
        em.persist(fax);
        em.flush();
        return fax;
    }

    public boolean anyOnLine(long tenantId, long lineId) {
        return countOfLine(tenantId, lineId) > 0;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
