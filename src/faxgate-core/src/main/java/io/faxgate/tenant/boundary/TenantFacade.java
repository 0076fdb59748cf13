package io.faxgate.tenant.boundary;

import io.faxgate.access.control.LocalAccounts;
import io.faxgate.access.control.PasswordHashing;
import io.faxgate.access.control.TenantAccess;
import io.faxgate.access.entity.LocalAccount;
import io.faxgate.access.entity.Roles;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.platform.boundary.NotFoundException;
import io.faxgate.platform.control.SecretGenerator;
import io.faxgate.sso.control.SpKeyPairIssuer;
import io.faxgate.sso.entity.SpKeyUse;
import io.faxgate.sso.entity.SsoSettings;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Tenants: created and governed by the platform operator; a tenant admin may read their own. */
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
    LocalAccounts accounts;

    @Inject
    PasswordHashing hashing;

    @Inject
    SpKeyPairIssuer spKeys;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public TenantView create(@NotNull(message = "body is required") @Valid NewTenant request) {
        if (tenants.bySlug(request.slug()).isPresent()) {
            throw new ConflictException("slug", "a tenant with slug '" + request.slug() + "' already exists");
        }
        Instant now = clock.instant();
        Tenant tenant = new Tenant(request.slug(), request.name().strip(), request.ssoAllowed(), now);
        tenants.add(tenant);
        em.persist(new SsoSettings(tenant.getId(), now));
        em.persist(spKeys.issue(tenant, now));
        em.persist(spKeys.issue(tenant, SpKeyUse.ENCRYPTION, now));
        audit.record(tenant.getId(), AuditTypes.TENANT_CREATED, AuditOutcome.SUCCESS, tenant.getSlug(),
                "name=" + tenant.getName() + ", ssoAllowed=" + tenant.isSsoAllowed());
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
        String before = "name=" + tenant.getName() + ", ssoAllowed=" + tenant.isSsoAllowed();
        Instant now = clock.instant();
        tenant.rename(change.name().strip(), now);
        tenant.allowSso(change.ssoAllowed(), now);
        em.flush();
        audit.record(tenant.getId(), AuditTypes.TENANT_UPDATED, AuditOutcome.SUCCESS, slug,
                before + " -> name=" + tenant.getName() + ", ssoAllowed=" + tenant.isSsoAllowed());
        return TenantView.of(tenant);
    }

    /** Disabling ends the account's open sessions and API use on the next request. */
    public void enableAdmin(String slug, String username, boolean enabled) {
        Tenant tenant = access.tenant(slug);
        LocalAccount admin = accounts.byUsername(username).filter(a -> tenant.getId().equals(a.getTenantId()))
                .orElseThrow(() -> new NotFoundException("administrator " + username));
        if (admin.isEnabled() != enabled) {
            admin.enable(enabled);
            em.flush();
            audit.record(tenant.getId(), AuditTypes.LOCAL_ACCOUNT_CHANGED, AuditOutcome.SUCCESS, username,
                    enabled ? "enabled" : "disabled");
        }
    }

    public TenantAdminCreated createAdmin(String slug, @NotNull(message = "body is required") @Valid NewTenantAdmin request) {
        Tenant tenant = access.tenant(slug);
        if (accounts.byUsername(request.username()).isPresent()) {
            throw new ConflictException("username", "username '" + request.username() + "' is taken");
        }
        boolean generated = request.password() == null;
        String password = generated ? SecretGenerator.password(20) : request.password();
        LocalAccount admin = LocalAccount.tenantAdmin(tenant.getId(), request.username(),
                hashing.hash(password.toCharArray()), clock.instant());
        admin.markBreakGlass(request.breakGlass());
        accounts.add(admin);
        audit.record(tenant.getId(), AuditTypes.TENANT_ADMIN_CREATED, AuditOutcome.SUCCESS, request.username(),
                "breakGlass=" + request.breakGlass());
        return new TenantAdminCreated(request.username(), generated ? password : null, generated);
    }
}
