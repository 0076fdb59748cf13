package io.faxgate.fax.boundary;

import io.faxgate.tenant.control.CallerScope;
import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.platform.entity.Roles;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.fax.control.CoverPage;
import io.faxgate.fax.control.FaxDocumentRules;
import io.faxgate.fax.control.FaxLines;
import io.faxgate.fax.control.FaxQueued;
import io.faxgate.fax.control.FaxSendLimit;
import io.faxgate.fax.control.Faxes;
import io.faxgate.fax.entity.Fax;
import io.faxgate.fax.entity.FaxDocument;
import io.faxgate.fax.entity.FaxLine;
import io.faxgate.platform.boundary.InvalidInputException;
import io.faxgate.platform.boundary.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;

/**
 * The web staff console's work: the caller's fax lines, their faxes and documents, and sending. Access is decided
 * afresh on every call from the caller's groups as of now — a fax (or document) on a line the caller no longer
 * reaches is "not found", exactly like one of another tenant.
 */
@Stateless
public class FaxFacade {

    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    TenantAccess access;

    @Inject
    FaxLines lines;

    @Inject
    Faxes faxes;

    @Inject
    FaxDocumentRules documents;

    @Inject
    FaxSendLimit sendLimit;

    @Inject
    AuditTrail audit;

    @Inject
    Event<FaxQueued> queued;

    @Inject
    Clock clock;

    /** The lines the caller reaches through their security groups, right now. */
    @RolesAllowed({Roles.VIEW_FAXES, Roles.SEND_FAXES})
    public List<FaxLineView> myLines() {
        return reachable(access.caller()).stream().map(FaxLineView::of).toList();
    }

    @RolesAllowed(Roles.VIEW_FAXES)
    public FaxPage faxesOnLine(long lineId, int first, int max) {
        CallerScope caller = access.caller();
        FaxLine line = reachableLine(caller, lineId);
        int size = Math.max(1, Math.min(max, MAX_PAGE_SIZE));
        int from = Math.max(0, first);
        List<FaxView> page = faxes.ofLine(caller.tenantId(), line.getId(), from, size).stream().map(FaxView::of).toList();
        return new FaxPage(page, faxes.countOfLine(caller.tenantId(), line.getId()), from, size);
    }

    @RolesAllowed(Roles.VIEW_FAXES)
    public FaxView fax(long faxId) {
        return FaxView.of(visibleFax(access.caller(), faxId));
    }

    /** The PDF of a fax the caller may see; every download is audited (documents are the sensitive part). */
    @RolesAllowed(Roles.VIEW_FAXES)
    public FaxDocumentDownload document(long faxId) {
        CallerScope caller = access.caller();
        Fax fax = visibleFax(caller, faxId);
        FaxDocument document = faxes.document(caller.tenantId(), fax.getDocumentId())
                .filter(d -> !d.isPurged()) // emptied by retention: there is nothing to show
                .orElseThrow(() -> new NotFoundException("fax " + faxId));
        audit.record(caller.tenantId(), AuditTypes.FAX_DOCUMENT_VIEWED, AuditOutcome.SUCCESS, "fax " + faxId,
                fax.getDirection() + " " + fax.getRemoteNumber());
        return new FaxDocumentDownload("fax-" + faxId + ".pdf", document.getContentType(), document.getContent(),
                document.getSha256());
    }

    /**
     * Queues a fax; it is sent once this transaction commits. The cover note, when given, becomes a cover page in
     * front of the document, so the recipient sees it and the stored document is exactly what was faxed.
     */
    @RolesAllowed(Roles.SEND_FAXES)
    public FaxView send(@NotNull(message = "body is required") @Valid NewFax request) {
        CallerScope caller = access.caller();
        FaxLine line = reachableLine(caller, request.lineId());
        if (line.getNumber().equals(request.to())) {
            throw new InvalidInputException("to", "this is the number of the line you send from");
        }
        int pages = documents.pages(request.document(), "document");
        sendLimit.acquire(caller.principalName());
        String note = request.coverNote() == null || request.coverNote().isBlank() ? null : request.coverNote().strip();
        byte[] pdf = request.document();
        if (note != null) {
            pdf = CoverPage.prepend(pdf, line.getNumber(), request.to(), caller.userName(), note, clock.instant());
            pages++;
        }
        FaxDocument document = faxes.storeDocument(caller.tenantId(), pdf, clock.instant());
        Fax fax = faxes.add(Fax.queued(line, request.to(), pages, note, document.getId(), caller.userName(),
                clock.instant()));
        audit.record(caller.tenantId(), AuditTypes.FAX_QUEUED, AuditOutcome.SUCCESS, request.to(),
                "fax " + fax.getId() + " from " + line.getNumber() + ", " + pages + " page(s)");
        queued.fire(new FaxQueued(fax.getId()));
        return FaxView.of(fax);
    }

    /** The largest PDF accepted ({@code faxgate.fax.max-document-bytes}), for forms to say so up front. */
    @RolesAllowed({Roles.VIEW_FAXES, Roles.SEND_FAXES})
    public long maxDocumentBytes() {
        return documents.maxBytes();
    }

    private List<FaxLine> reachable(CallerScope caller) {
        return caller.directoryUserId() == null ? List.of()
                : lines.reachableBy(caller.tenantId(), caller.directoryUserId());
    }

    private FaxLine reachableLine(CallerScope caller, long lineId) {
        return reachable(caller).stream().filter(l -> l.getId() == lineId).findFirst()
                .orElseThrow(() -> new NotFoundException("fax line " + lineId));
    }

    private Fax visibleFax(CallerScope caller, long faxId) {
        Fax fax = faxes.find(caller.tenantId(), faxId).orElseThrow(() -> new NotFoundException("fax " + faxId));
        if (reachable(caller).stream().noneMatch(l -> l.getId() == fax.getFaxLineId())) {
            throw new NotFoundException("fax " + faxId);
        }
        return fax;
    }
}
