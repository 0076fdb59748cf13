package io.faxgate.fax.boundary;

import io.faxgate.platform.boundary.PageErrors;
import io.faxgate.platform.boundary.PageErrors.Field;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.primefaces.model.file.UploadedFile;

/**
 * "Send a fax" on the staff console: from one of the person's lines, to an E.164 number, a PDF and an optional cover
 * note. The facade decides everything (line reach, number, PDF size/type/pages, the send rate); the form only shows
 * its answer next to the field it names. The upload's size is capped in the browser and by the Faces servlet's
 * multipart-config too, but the facade's limit is the one that counts.
 */
@Named
@ViewScoped
public class SendFaxForm implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Map<String, Field> FIELDS = Map.of(
            "lineId", new Field("send:from", "From line"),
            "to", new Field("send:to", "To"),
            "coverNote", new Field("send:coverNote", "Cover note"),
            "document", new Field("send:document", "PDF document"),
            "body", new Field(null, "Fax"));

    @EJB
    FaxFacade faxes;

    @Inject
    StaffConsolePage console;

    private Long fromLineId;
    private String to;
    private String coverNote;
    /** Only lives for the request that uploads it. */
    private transient UploadedFile document;

    public void send() {
        try {
            FaxView queued = faxes.send(new NewFax(fromLineId, to == null ? null : to.strip(), coverNote, content()));
            PageErrors.info("Fax to " + queued.remoteNumber() + " queued (" + queued.pages() + " page"
                    + (queued.pages() == 1 ? "" : "s") + "). Its status below moves from QUEUED to SENT or FAILED.");
            to = null;
            coverNote = null;
            console.openLine(queued.lineId());
        } catch (RuntimeException e) {
            PageErrors.show(e, FIELDS);
            console.refresh();
        } finally {
            document = null;
        }
    }

    /** The uploaded bytes, or null when nothing was attached (the facade names the missing document). */
    private byte[] content() {
        if (document == null || document.getSize() == 0) {
            return null;
        }
        return document.getContent();
    }

    public Long getFromLineId() {
        if (fromLineId == null && console.getSelectedLine() != null) {
            fromLineId = console.getSelectedLine().id();
        }
        return fromLineId;
    }

    public void setFromLineId(Long fromLineId) {
        this.fromLineId = fromLineId;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getCoverNote() {
        return coverNote;
    }

    public void setCoverNote(String coverNote) {
        this.coverNote = coverNote;
    }

    public UploadedFile getDocument() {
        return document;
    }

    public void setDocument(UploadedFile document) {
        this.document = document;
    }

    /** The limit the facade enforces, asked of the facade so that form and rule cannot disagree. */
    public long getMaxDocumentBytes() {
        return faxes.maxDocumentBytes();
    }

    public String getMaxDocumentSize() {
        long max = getMaxDocumentBytes();
        return max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MB" : max + " bytes";
    }
}
