package io.faxgate.access.control;

import io.faxgate.access.entity.Caller;
import io.faxgate.platform.boundary.NotFoundException;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The one place that decides which tenant a request may touch. Operators reach every tenant; everyone else
 * only their own — and another tenant's slug is answered exactly like a slug that does not exist.
 */
@Stateless
public class TenantAccess {

    @Resource
    SessionContext session;

    @Inject
    CallerDirectory callers;

    @Inject
    Tenants tenants;

    public Caller caller() {
        return callers.find(session.getCallerPrincipal().getName())
                .orElseThrow(() -> new EJBAccessException("caller is no longer known"));
    }

    public Tenant tenant(String slug) {
        Caller caller = caller();
        if (!caller.isOperator() && !slugOf(caller).equals(slug)) {
            throw new NotFoundException("tenant");
        }
        return tenants.bySlug(slug).orElseThrow(() -> new NotFoundException("tenant"));
    }

    private static String slugOf(Caller caller) {
        return caller.tenantSlug() == null ? "" : caller.tenantSlug();
    }
}
