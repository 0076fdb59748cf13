package io.faxgate.fax.control;

import io.faxgate.fax.entity.CarrierDelivery;
import io.faxgate.fax.entity.FaxStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends queued faxes through the configured {@link FaxTransport}: right after the queuing transaction commits
 * ({@link DispatchAfterCommit}), and from a periodic sweep that picks up whatever a restart or a lost event left
 * behind. Each fax is claimed under a row lock first, so a fax goes out once even with several nodes sweeping.
 */
@Stateless
public class FaxDispatcher {

    private static final Logger LOG = Logger.getLogger(FaxDispatcher.class.getName());
    static final Duration QUEUED_GRACE = Duration.ofSeconds(5);
    static final Duration SENDING_TIMEOUT = Duration.ofMinutes(10);
    private static final int SWEEP_BATCH = 100;

    @EJB
    FaxSendingSteps steps;

    @Inject
    Faxes faxes;

    @Inject
    @Any
    Instance<FaxTransport> transports;

    @Inject
    @ConfigProperty(name = "faxgate.fax.transport", defaultValue = LoopbackTransport.NAME)
    String transportName;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void dispatch(long faxId) {
        Optional<OutboundFax> job = steps.claim(faxId);
        if (job.isEmpty()) {
            return;
        }
        TransportOutcome outcome;
        try {
            outcome = transport().send(job.get());
        } catch (RuntimeException carrierFault) {
            LOG.log(Level.WARNING, "transport " + transportName + " failed on fax " + faxId, carrierFault);
            outcome = TransportOutcome.failed("the carrier could not be reached; try again later");
        }
        steps.finish(faxId, outcome, transportName);
    }

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        FaxDispatcher self = context.getBusinessObject(FaxDispatcher.class);
        for (Long id : faxes.idsInStatusSince(FaxStatus.QUEUED, clock.instant().minus(QUEUED_GRACE), SWEEP_BATCH)) {
            self.dispatch(id);
        }
        for (Long id : faxes.idsInStatusSince(FaxStatus.SENDING, clock.instant().minus(SENDING_TIMEOUT), SWEEP_BATCH)) {
            steps.giveUp(id, "the carrier did not answer within " + SENDING_TIMEOUT.toMinutes() + " minutes; send it again");
        }
    }

    /** Delivery ids only matter within the webhook's timestamp window; a day is far beyond it. */
    @Schedule(hour = "*", minute = "17", persistent = false)
    public void purgeOldDeliveryIds() {
        em.createNamedQuery(CarrierDelivery.PURGE_BEFORE).setParameter("before", clock.instant().minus(Duration.ofDays(1)))
                .executeUpdate();
    }

    private FaxTransport transport() {
        Instance<FaxTransport> named = transports.select(NamedLiteral.of(transportName));
        if (!named.isResolvable()) {
            throw new IllegalStateException("no fax transport named '" + transportName + "' (faxgate.fax.transport)");
        }
        return named.get();
    }
}
