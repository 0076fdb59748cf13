package io.faxgate.audit.boundary;

import java.util.List;

public record AuditPage(List<AuditEventView> items, int page, int size, long total) {
}
