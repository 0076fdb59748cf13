package io.faxgate.directory.boundary;

import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.platform.entity.Roles;
import io.faxgate.directory.control.DirectoryUsers;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.platform.boundary.InvalidInputException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The tenant's users as User Maintenance lists and (de)activates them; one user's detail: {@code access.boundary.UserDetailFacade}. */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.MANAGE_USERS})
public class DirectoryUserFacade {

    public static final int MAX_PAGE_SIZE = 200;

    @Inject
    TenantAccess access;

    @Inject
    DirectoryUsers users;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    public UserPage search(String slug, String search, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        long tenantId = access.tenant(slug).getId();
        List<DirectoryUserView> items = users.search(tenantId, search, page, size).stream().map(DirectoryUserView::of).toList();
        return new UserPage(items, page, size, users.count(tenantId, search));
    }

    public DirectoryUserView activate(String slug, long id, @NotNull(message = "body is required") @Valid UserActivation change) {
        Tenant tenant = access.tenant(slug);
        DirectoryUser user = users.get(tenant.getId(), id);
        if (user.getVersion() != change.version()) {
            throw ConflictException.staleVersion("user", change.version(), user.getVersion());
        }
        if (user.isActive() != change.active()) {
            user.activate(change.active(), clock.instant());
            em.flush();
            audit.record(tenant.getId(), AuditTypes.USER_ACTIVATION_CHANGED, AuditOutcome.SUCCESS, user.getUserName(),
                    change.active() ? "activated" : "deactivated");
        }
        return DirectoryUserView.of(user);
    }
}
