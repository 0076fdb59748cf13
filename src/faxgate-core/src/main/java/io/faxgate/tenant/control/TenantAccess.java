package io.faxgate.tenant.control;

import io.faxgate.platform.boundary.NotFoundException;
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
    CallerScopes callers;

    @Inject
    Tenants tenants;

    public CallerScope caller() {
        return callers.of(session.getCallerPrincipal().getName())
                .orElseThrow(() -> new EJBAccessException("caller is no longer known"));
    }

    public Tenant tenant(String slug) {
        return tenantFor(caller(), slug);
    }

    /** The rule itself, without a container: {@code caller} may touch the tenant {@code slug}, or "not found". */
    Tenant tenantFor(CallerScope caller, String slug) {
        if (!caller.operator() && !slugOf(caller).equals(slug)) {
            throw new NotFoundException("tenant");
        }
        return tenants.bySlug(slug).orElseThrow(() -> new NotFoundException("tenant"));
    }

    private static String slugOf(CallerScope caller) {
        return caller.tenantSlug() == null ? "" : caller.tenantSlug();
    }
}
