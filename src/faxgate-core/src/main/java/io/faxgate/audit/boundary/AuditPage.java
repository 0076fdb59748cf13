package io.faxgate.audit.boundary;

import io.faxgate.audit.control.AuditEventView;

import java.util.List;

public record AuditPage(List<AuditEventView> items, int page, int size, long total) {
}
