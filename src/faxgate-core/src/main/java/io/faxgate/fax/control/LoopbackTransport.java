package io.faxgate.fax.control;

import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.platform.boundary.InvalidInputException;
import io.faxgate.platform.boundary.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A carrier without a telephone network, for demos and tests: a fax to a number that is a Faxgate line (of any
 * tenant) arrives on that line as an inbound fax; any other number fails, as a real carrier's "no fax answer".
 */
@ApplicationScoped
@Named(LoopbackTransport.NAME)
public class LoopbackTransport implements FaxTransport {

    public static final String NAME = "loopback";
    public static final String ACTOR = "carrier:loopback";

    @Inject
    FaxLines lines;

    @EJB
    InboundFaxes inbound;

    /** Lets a demo watch the status move through SENDING; 0 in tests. */
    @Inject
    @ConfigProperty(name = "faxgate.fax.loopback.delay-ms", defaultValue = "0")
    long delayMillis;

    @Override
    public TransportOutcome send(OutboundFax fax) {
        pause();
        String deliveryId = NAME + ":" + fax.faxId();
        if (fax.toNumber().equals(fax.fromNumber())) {
            return TransportOutcome.failed("busy: a line cannot fax itself");
        }
        if (lines.byNumber(fax.toNumber()).isEmpty()) {
            return TransportOutcome.failed("no fax answer at " + fax.toNumber()
                    + " (the loopback transport delivers only to Faxgate lines)");
        }
        try {
            long received = inbound.receive(new InboundFax(deliveryId, fax.toNumber(), fax.fromNumber(), fax.pdf()),
                    ACTOR).getId();
            return TransportOutcome.delivered(NAME + ":" + received);
        } catch (ConflictException alreadyDelivered) {
            // A retry after a crash between delivering and recording it: the recipient has it already.
            return TransportOutcome.delivered(deliveryId);
        } catch (NotFoundException lineRemovedMeanwhile) {
            return TransportOutcome.failed("no fax answer at " + fax.toNumber());
        } catch (InvalidInputException refusedByReceiver) {
            // e.g. the cover page took the document past the page or size limit the receiving side applies
            return TransportOutcome.failed("the receiving line refused the document: " + refusedByReceiver.getMessage());
        }
    }

    private void pause() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
