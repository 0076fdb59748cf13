package io.faxgate.fax.control;

/**
 * Hands an outbound fax to a carrier. Implementations are CDI beans named by {@code faxgate.fax.transport}; they
 * are called outside any transaction and must answer (not throw) for a fax the carrier refused.
 */
public interface FaxTransport {

    TransportOutcome send(OutboundFax fax);
}
