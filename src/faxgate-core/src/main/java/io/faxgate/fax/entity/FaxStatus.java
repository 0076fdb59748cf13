package io.faxgate.fax.entity;

/**
 * Where a fax stands. Outbound: QUEUED → SENDING → SENT or FAILED. Inbound faxes are RECEIVED when they are stored
 * (the carrier has finished receiving them before it calls us).
 */
public enum FaxStatus {
    QUEUED, SENDING, SENT, FAILED, RECEIVED;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == RECEIVED;
    }
}
