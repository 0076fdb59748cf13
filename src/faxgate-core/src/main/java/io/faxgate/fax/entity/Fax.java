package io.faxgate.fax.entity;

import io.faxgate.platform.entity.TenantOwned;
import io.faxgate.platform.entity.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One fax on one of the tenant's lines, inbound or outbound. The document is referenced by id, not mapped, so that
 * lists of faxes never load PDFs.
 */
@Entity
@Table(name = "fax")
@NamedQuery(name = Fax.BY_ID, query = "select f from Fax f where f.tenantId = :tenantId and f.id = :id")
@NamedQuery(name = Fax.OF_LINE, query = """
        select f from Fax f where f.tenantId = :tenantId and f.faxLineId = :lineId
        order by f.createdAt desc, f.id desc""")
@NamedQuery(name = Fax.COUNT_OF_LINE,
        query = "select count(f) from Fax f where f.tenantId = :tenantId and f.faxLineId = :lineId")
@NamedQuery(name = Fax.IN_STATUS_SINCE,
        query = "select f.id from Fax f where f.status = :status and f.updatedAt < :before order by f.id")
public class Fax extends VersionedEntity implements TenantOwned {

    public static final String BY_ID = "Fax.byId";
    public static final String OF_LINE = "Fax.ofLine";
    public static final String COUNT_OF_LINE = "Fax.countOfLine";
    public static final String IN_STATUS_SINCE = "Fax.inStatusSince";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "fax_line_id", nullable = false, updatable = false)
    private long faxLineId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private FaxDirection direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FaxStatus status;

    /** The other end: the destination of an outbound fax, the sender of an inbound one. */
    @Column(name = "remote_number", nullable = false, updatable = false)
    private String remoteNumber;

    @Column(nullable = false, updatable = false)
    private int pages;

    @Column(name = "cover_note", updatable = false)
    private String coverNote;

    @Column(name = "document_id", nullable = false, updatable = false)
    private long documentId;

    /** Who queued an outbound fax (their user name); null for inbound faxes. */
    @Column(name = "sent_by", updatable = false)
    private String sentBy;

    /** The carrier's id for this fax (inbound: its delivery id; outbound: its job id, once the transport took it). */
    @Column(name = "carrier_reference")
    private String carrierReference;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Fax() {
    }

    private Fax(long tenantId, long faxLineId, FaxDirection direction, FaxStatus status, String remoteNumber, int pages,
                long documentId, Instant now) {
        this.tenantId = tenantId;
        this.faxLineId = faxLineId;
        this.direction = direction;
        this.status = status;
        this.remoteNumber = remoteNumber;
        this.pages = pages;
        this.documentId = documentId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static Fax queued(FaxLine from, String to, int pages, String coverNote, long documentId, String sentBy,
                             Instant now) {
        Fax fax = new Fax(from.getTenantId(), from.getId(), FaxDirection.OUTBOUND, FaxStatus.QUEUED, to, pages,
                documentId, now);
        fax.coverNote = coverNote;
        fax.sentBy = sentBy;
        return fax;
    }

    public static Fax received(FaxLine on, String from, int pages, long documentId, String carrierReference,
                               Instant now) {
        Fax fax = new Fax(on.getTenantId(), on.getId(), FaxDirection.INBOUND, FaxStatus.RECEIVED, from, pages,
                documentId, now);
        fax.carrierReference = carrierReference;
        return fax;
    }

    /** QUEUED → SENDING; false when someone else (another worker, another node) took it first. */
    public boolean startSending(Instant now) {
        if (status != FaxStatus.QUEUED) {
            return false;
        }
        status = FaxStatus.SENDING;
        updatedAt = now;
        return true;
    }

    public void sent(String reference, Instant now) {
        requireSending();
        status = FaxStatus.SENT;
        carrierReference = reference;
        updatedAt = now;
    }

    public void failed(String reason, Instant now) {
        if (status.isFinal()) {
            throw new IllegalStateException("fax " + getId() + " is already " + status);
        }
        status = FaxStatus.FAILED;
        failureReason = reason;
        updatedAt = now;
    }

    private void requireSending() {
        if (status != FaxStatus.SENDING) {
            throw new IllegalStateException("fax " + getId() + " is " + status + ", not SENDING");
        }
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public long getFaxLineId() {
        return faxLineId;
    }

    public FaxDirection getDirection() {
        return direction;
    }

    public FaxStatus getStatus() {
        return status;
    }

    public String getRemoteNumber() {
        return remoteNumber;
    }

    public int getPages() {
        return pages;
    }

    public String getCoverNote() {
        return coverNote;
    }

    public long getDocumentId() {
        return documentId;
    }

    public String getSentBy() {
        return sentBy;
    }

    public String getCarrierReference() {
        return carrierReference;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
