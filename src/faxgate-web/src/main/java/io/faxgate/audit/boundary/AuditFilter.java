package io.faxgate.audit.boundary;

import io.faxgate.audit.control.AuditQuery;

import io.faxgate.platform.boundary.FieldError;
import io.faxgate.platform.boundary.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The audit API's query parameters as an {@link AuditQuery}; times are ISO-8601 instants (2026-12-06T10:00:00Z). */
final class AuditFilter {

    private AuditFilter() {
    }

    static AuditQuery of(String from, String to, String type, String actor, String outcome) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AuditQuery(start, end, actor, type, outcome);
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-12-06T10:00:00Z"));
            return null;
        }
    }
}
