package io.faxgate.operator.boundary;

import java.io.Serializable;
import java.time.Instant;

/** The retention periods in force (days; 0 = kept forever) and when the daily purge last ran. */
public record RetentionView(int auditEventsDays, int faxDocumentsDays, Instant lastDailyRun) implements Serializable {
}
