package io.faxgate.audit.control;

import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.tenant.control.TenantChanged;
import io.faxgate.tenant.control.TenantCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;

/**
 * The audit events of the tenant component: tenant sits below audit in the component graph, so it announces its
 * changes and audit records them — in the same transaction, with the same actor (observers run synchronously).
 */
@ApplicationScoped
public class TenantAuditing {

    @Inject
    AuditTrail audit;

    void created(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) TenantCreated e) {
        audit.record(e.tenant().getId(), AuditTypes.TENANT_CREATED, AuditOutcome.SUCCESS, e.tenant().getSlug(),
                TenantChanged.describe(e.tenant()));
    }

    void changed(@Observes TenantChanged e) {
        audit.record(e.tenant().getId(), AuditTypes.TENANT_UPDATED, AuditOutcome.SUCCESS, e.tenant().getSlug(),
                e.before() + " -> " + TenantChanged.describe(e.tenant()));
    }
}
