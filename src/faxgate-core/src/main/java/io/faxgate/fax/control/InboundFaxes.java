package io.faxgate.fax.control;

import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.fax.entity.CarrierDelivery;
import io.faxgate.fax.entity.Fax;
import io.faxgate.fax.entity.FaxDocument;
import io.faxgate.fax.entity.FaxLine;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.platform.boundary.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;

/**
 * Stores a fax that arrived for one of our numbers — from the carrier webhook or the loopback transport — on the
 * line with that number, in that line's tenant. A delivery id is accepted once: a second delivery with the same id
 * is a replay (or a retry of a delivery we already stored) and changes nothing.
 */
@Stateless
public class InboundFaxes {

    @PersistenceContext
    EntityManager em;

    @Inject
    FaxLines lines;

    @Inject
    Faxes faxes;

    @Inject
    FaxDocumentRules rules;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public Fax receive(InboundFax delivery, String actor) {
        int pages = rules.pages(delivery.pdf(), "document");
        FaxLine line = lines.byNumber(delivery.toNumber())
                .orElseThrow(() -> new NotFoundException("fax line with number " + delivery.toNumber()));
        remember(delivery.deliveryId());
        FaxDocument document = faxes.storeDocument(line.getTenantId(), delivery.pdf(), clock.instant());
        Fax fax = faxes.add(Fax.received(line, delivery.fromNumber(), pages, document.getId(), delivery.deliveryId(),
                clock.instant()));
        audit.recordAs(line.getTenantId(), actor, AuditTypes.FAX_RECEIVED, AuditOutcome.SUCCESS, line.getNumber(),
                "fax " + fax.getId() + " from " + delivery.fromNumber() + ", " + pages + " page(s), delivery "
                        + delivery.deliveryId());
        return fax;
    }

    private void remember(String deliveryId) {
        if (em.find(CarrierDelivery.class, deliveryId) != null) {
            throw replay(deliveryId);
        }
        try {
            em.persist(new CarrierDelivery(deliveryId, clock.instant()));
            em.flush();
        } catch (PersistenceException concurrentTwin) {
            throw replay(deliveryId); // the same delivery, committed by a parallel request a moment ago
        }
    }

    private static ConflictException replay(String deliveryId) {
        return new ConflictException("deliveryId", "delivery " + deliveryId + " was already received");
    }
}
