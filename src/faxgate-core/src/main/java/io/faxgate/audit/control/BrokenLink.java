package io.faxgate.audit.control;

import java.time.Instant;

/**
 * Where an audit chain stops proving itself. {@code problem}: CHANGED (the event's content or hash is not what was
 * sealed), REMOVED (no event at this position; {@code eventId} is then the next event still there, if any),
 * REORDERED (an intact event at another event's place), INSERTED (an event at a place already taken or past the
 * chain's head). {@code eventId} and {@code occurredAt} name the event found at that place.
 */
public record BrokenLink(long position, Long eventId, Instant occurredAt, String problem, String description) {
}
