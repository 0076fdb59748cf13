package io.faxgate.access.boundary;

import io.faxgate.access.control.CallerDirectory;
import io.faxgate.access.control.LocalCredentialCheck;
import io.faxgate.access.control.TenantAccess;
import io.faxgate.access.entity.Caller;
import io.faxgate.access.entity.LocalAccount;
import io.faxgate.access.entity.Roles;
import io.faxgate.fax.boundary.FaxLineView;
import io.faxgate.fax.control.FaxLines;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Authentication support for the web tier, and the signed-in caller's own view of themselves. */
@Stateless
public class CallerFacade {

    @Inject
    TenantAccess access;

    @Inject
    CallerDirectory callers;

    @Inject
    LocalCredentialCheck credentials;

    @Inject
    FaxLines lines;

    @Inject
    Clock clock;

    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_MEMBER})
    public CallerView me() {
        Caller c = access.caller();
        List<FaxLineView> reachable = c.directoryUserId() == null ? List.of()
                : lines.reachableBy(c.tenantId(), c.directoryUserId()).stream().map(FaxLineView::of).toList();
        return new CallerView(c.principalName(), c.kind().name(), c.tenantSlug(), c.directoryUserId(), c.userName(),
                c.email(), List.copyOf(c.roles()), c.permissions().stream().map(Enum::name).sorted().toList(), reachable);
    }

    /** Password sign-in for local accounts; the principal name on success. Called before anyone is signed in. */
    @PermitAll
    public Optional<String> authenticateLocal(String username, char[] password) {
        Optional<LocalAccount> account = credentials.check(username, password);
        account.ifPresent(a -> a.loggedIn(clock.instant()));
        return account.map(a -> Caller.localPrincipal(a.getUsername()));
    }

    /** The roles (= current permissions) of a principal, or nothing when it may no longer act at all. */
    @PermitAll
    public Optional<Set<String>> currentRoles(String principalName) {
        return callers.find(principalName).map(Caller::roles);
    }
}
