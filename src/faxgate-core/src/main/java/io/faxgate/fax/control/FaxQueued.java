package io.faxgate.fax.control;

/** CDI event: an outbound fax was queued in the current transaction. */
public record FaxQueued(long faxId) {
}
