package io.faxgate.operator.boundary;

import java.time.Instant;

/** What a retention run removed. */
public record RetentionRun(Instant ranAt, long auditEventsRemoved, long faxDocumentsEmptied) {
}
