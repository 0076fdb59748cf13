package io.faxgate.sso.control;

import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in debugger entry: a test sign-in ({@code kind} TEST, {@code actor} the admin who ran it) or a refused real
 * sign-in (REFUSED). {@code currentSettings}: checked against the connection settings saved now.
 */
public record SignInRecordView(long id, String kind, Instant occurredAt, String actor, boolean passed, String reason,
                               boolean currentSettings, SignInReport report) implements Serializable {
}
