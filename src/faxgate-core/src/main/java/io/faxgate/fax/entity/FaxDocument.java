package io.faxgate.fax.entity;

import io.faxgate.platform.entity.TenantOwned;
import io.faxgate.platform.entity.UnversionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The PDF of one fax, exactly as it was sent or received. Written once; read only by its fax's viewers. */
@Entity
@Table(name = "fax_document")
@NamedQuery(name = FaxDocument.BY_ID, query = "select d from FaxDocument d where d.tenantId = :tenantId and d.id = :id")
public class FaxDocument extends UnversionedEntity implements TenantOwned {

    public static final String BY_ID = "FaxDocument.byId";
    public static final String PDF = "application/pdf";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** When retention emptied the content (platform/control/Retention); null while the document is kept. */
    @Column(name = "purged_at", updatable = false)
    private Instant purgedAt;

    protected FaxDocument() {
    }

    public FaxDocument(long tenantId, byte[] pdf, String sha256, Instant now) {
        this.tenantId = tenantId;
        this.contentType = PDF;
        this.content = pdf.clone();
        this.sizeBytes = pdf.length;
        this.sha256 = sha256;
        this.createdAt = now;
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isPurged() {
        return purgedAt != null;
    }
}
