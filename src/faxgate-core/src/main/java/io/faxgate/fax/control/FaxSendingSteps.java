package io.faxgate.fax.control;

import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.fax.entity.Fax;
import io.faxgate.fax.entity.FaxLine;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * The two short transactions around a transport call: take a queued fax (QUEUED → SENDING) and record what the
 * carrier said (SENT or FAILED). The transport call itself runs outside any transaction, so a slow carrier never
 * holds a database lock.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FaxSendingSteps {

    @PersistenceContext
    EntityManager em;

    @Inject
    Faxes faxes;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The job to send, when the fax was still queued; empty when another worker took it or it is gone. */
    public Optional<OutboundFax> claim(long faxId) {
        Optional<Fax> locked = faxes.lock(faxId);
        if (locked.isEmpty() || !locked.get().startSending(clock.instant())) {
            return Optional.empty();
        }
        Fax fax = locked.get();
        FaxLine line = em.find(FaxLine.class, fax.getFaxLineId());
        byte[] pdf = faxes.document(fax.getTenantId(), fax.getDocumentId()).orElseThrow().getContent();
        return Optional.of(new OutboundFax(fax.getId(), fax.getTenantId(), line.getNumber(), fax.getRemoteNumber(),
                fax.getPages(), pdf));
    }

    public void finish(long faxId, TransportOutcome outcome, String transport) {
        Fax fax = faxes.lock(faxId).orElseThrow();
        if (fax.getStatus().isFinal()) {
            return; // given up on by the sweep while the carrier was still working; the first answer stands
        }
        String target = fax.getRemoteNumber();
        if (outcome.delivered()) {
            fax.sent(outcome.carrierReference(), clock.instant());
            audit.recordAs(fax.getTenantId(), "carrier:" + transport, AuditTypes.FAX_SENT, AuditOutcome.SUCCESS, target,
                    "fax " + faxId + ", " + fax.getPages() + " page(s), carrier reference " + outcome.carrierReference());
        } else {
            fax.failed(outcome.failureReason(), clock.instant());
            audit.recordAs(fax.getTenantId(), "carrier:" + transport, AuditTypes.FAX_FAILED, AuditOutcome.FAILURE,
                    target, "fax " + faxId + ": " + outcome.failureReason());
        }
    }

    /** A fax stuck in SENDING (a node died mid-call) is failed so the sender knows to try again. */
    public void giveUp(long faxId, String reason) {
        faxes.lock(faxId).filter(f -> !f.getStatus().isFinal()).ifPresent(fax -> {
            fax.failed(reason, clock.instant());
            audit.recordAs(fax.getTenantId(), "faxgate", AuditTypes.FAX_FAILED, AuditOutcome.FAILURE,
                    fax.getRemoteNumber(), "fax " + faxId + ": " + reason);
        });
    }
}
