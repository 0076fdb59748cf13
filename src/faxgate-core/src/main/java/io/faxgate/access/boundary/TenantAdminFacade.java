package io.faxgate.access.boundary;

import io.faxgate.access.control.LocalAccounts;
import io.faxgate.access.control.PasswordHashing;
import io.faxgate.access.entity.LocalAccount;
import io.faxgate.access.entity.LocalAccountKind;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.platform.boundary.NotFoundException;
import io.faxgate.platform.control.SecretGenerator;
import io.faxgate.platform.entity.Roles;
import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/** A tenant's administrator accounts, as the platform operator creates and enables them. */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class TenantAdminFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    TenantAccess access;

    @Inject
    LocalAccounts accounts;

    @Inject
    PasswordHashing hashing;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Disabling ends the account's open sessions and API use on the next request. */
    public void enableAdmin(String slug, String username, boolean enabled) {
        Tenant tenant = access.tenant(slug);
        LocalAccount admin = accounts.inTenant(tenant.getId(), username)
                .filter(a -> a.getKind() == LocalAccountKind.TENANT_ADMIN)
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
        // Only operators get here, and they see every tenant: naming a clash anywhere tells them nothing new.
        if (accounts.signInNameTaken(request.username()) || accounts.inTenant(tenant.getId(), request.username()).isPresent()) {
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
