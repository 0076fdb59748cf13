package io.faxgate.fax.control;

/** The carrier's answer: delivered (with its reference) or failed (with a reason a staff member can act on). */
public record TransportOutcome(boolean delivered, String carrierReference, String failureReason) {

    public static TransportOutcome delivered(String carrierReference) {
        return new TransportOutcome(true, carrierReference, null);
    }

    public static TransportOutcome failed(String reason) {
        return new TransportOutcome(false, null, reason);
    }
}
