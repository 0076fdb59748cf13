package io.faxgate.tenant.boundary;

import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.platform.entity.Roles;
import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.tenant.control.TenantChanged;
import io.faxgate.tenant.control.TenantCreated;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Tenants: created and governed by the platform operator; a tenant admin may read their own. Creation and changes
 * are announced as events in the same transaction: sso sets up the tenant's settings and keys, audit records them
 * (both sit above tenant in the component graph). Tenant administrators: {@code access.boundary.TenantAdminFacade}.
 */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class TenantFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    TenantAccess access;

    @Inject
    Event<TenantCreated> created;

    @Inject
    Event<TenantChanged> changed;

    @Inject
    Clock clock;

    public TenantView create(@NotNull(message = "body is required") @Valid NewTenant request) {
        if (tenants.bySlug(request.slug()).isPresent()) {
            throw new ConflictException("slug", "a tenant with slug '" + request.slug() + "' already exists");
        }
        Instant now = clock.instant();
        Tenant tenant = new Tenant(request.slug(), request.name().strip(), request.ssoAllowed(), now);
        tenants.add(tenant);
        created.fire(new TenantCreated(tenant, now));
        return TenantView.of(tenant);
    }

    public List<TenantView> list() {
        return tenants.all().stream().map(TenantView::of).toList();
    }

    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_MEMBER})
    public TenantView get(String slug) {
        return TenantView.of(access.tenant(slug));
    }

    public TenantView update(String slug, @NotNull(message = "body is required") @Valid TenantChange change) {
        Tenant tenant = access.tenant(slug);
        if (tenant.getVersion() != change.version()) {
            throw ConflictException.staleVersion("tenant", change.version(), tenant.getVersion());
        }
        String before = TenantChanged.describe(tenant);
        Instant now = clock.instant();
        tenant.rename(change.name().strip(), now);
        tenant.allowSso(change.ssoAllowed(), now);
        em.flush();
        changed.fire(new TenantChanged(tenant, before));
        return TenantView.of(tenant);
    }
}
