package io.faxgate.fax.control;

/** A fax a carrier received for one of our numbers. */
public record InboundFax(String deliveryId, String toNumber, String fromNumber, byte[] pdf) {
}
