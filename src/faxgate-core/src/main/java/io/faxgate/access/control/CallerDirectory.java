package io.faxgate.access.control;

import io.faxgate.platform.control.AccessEpoch;

import io.faxgate.access.entity.Caller;
import io.faxgate.access.entity.CallerKind;
import io.faxgate.access.entity.LocalAccount;
import io.faxgate.access.entity.LocalAccountKind;
import io.faxgate.access.entity.Permission;
import io.faxgate.directory.entity.DirectoryUser;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.faxgate.tenant.control.CallerScope;
import io.faxgate.tenant.control.CallerScopes;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns a principal name into the {@link Caller} as of now. Disabled accounts, deactivated users and deleted
 * tenants resolve to nothing, which ends their sessions on the next request.
 */
@ApplicationScoped
public class CallerDirectory implements CallerScopes {

    @PersistenceContext
    EntityManager em;

    @Inject
    LocalAccounts accounts;

    @Inject
    Tenants tenants;

    @Inject
    PermissionSources sources;

    @Inject
    SsoPolicy ssoRule;

    /** Decisions as of {@link AccessEpoch} value; a bounded memory, cleared when full. */
    private record Remembered(long epoch, long computedAtNanos, Optional<Caller> caller) {
    }

    private static final int MAX_REMEMBERED = 50_000;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    @Inject
    AccessEpoch epoch;

    /**
     * The caller as of now. Served from memory while nothing that decides access changed since it was computed;
     * any committed change (see {@link AccessChangeListener}) makes the next request compute afresh.
     */
    public Optional<Caller> find(String principalName) {
        if (principalName == null) {
            return Optional.empty();
        }
        long now = epoch.current();
        long nanos = System.nanoTime();
        Remembered hit = remembered.get(principalName);
        if (hit != null && hit.epoch() == now && nanos - hit.computedAtNanos() < AccessEpoch.UNANNOUNCED_CHANGE_BACKSTOP_NANOS) {
            return hit.caller();
        }
        Optional<Caller> fresh = compute(principalName);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(principalName, new Remembered(now, nanos, fresh));
        return fresh;
    }

    /** For tenant isolation (TenantAccess): the caller as far as tenants are concerned. */
    @Override
    public Optional<CallerScope> of(String principalName) {
        return find(principalName).map(c -> new CallerScope(c.principalName(), c.isOperator(), c.tenantId(),
                c.tenantSlug(), c.directoryUserId(), c.userName()));
    }

    private Optional<Caller> compute(String principalName) {
        if (principalName.startsWith(Caller.LOCAL_PREFIX)) {
            return accounts.bySignInName(principalName.substring(Caller.LOCAL_PREFIX.length()))
                    .filter(LocalAccount::isEnabled)
                    .flatMap(this::ofAccount);
        }
        if (principalName.startsWith(Caller.USER_PREFIX)) {
            try {
                long id = Long.parseLong(principalName.substring(Caller.USER_PREFIX.length()));
                // a SAML session: it holds only the permissions of the parts the tenant's SSO scope covers now
                return Optional.ofNullable(em.find(DirectoryUser.class, id))
                        .filter(DirectoryUser::isActive)
                        .flatMap(u -> ofUser(u, Caller.userPrincipal(u.getId()), null, ssoRule.coveredParts(u.getTenantId())));
            } catch (NumberFormatException malformed) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<Caller> ofAccount(LocalAccount account) {
        String principal = Caller.localPrincipal(accounts.signInNameOf(account));
        if (account.getKind() == LocalAccountKind.PLATFORM_OPERATOR) {
            return Optional.of(new Caller(principal, CallerKind.PLATFORM_OPERATOR, null, null, null,
                    account.getUsername(), null, Set.of(), account.credentialStamp()));
        }
        if (account.getKind() == LocalAccountKind.WEB_STAFF) {
            if (!account.isBreakGlass() && ssoRule.forWebStaff(account.getTenantId())) {
                return Optional.empty(); // SSO now applies to web staff: password sessions end
            }
            // a console password never reaches a part SSO covers (the admin tool under scope ADMIN_TOOL)
            Set<Permission.Area> parts = EnumSet.allOf(Permission.Area.class);
            if (!account.isBreakGlass()) {
                parts.removeAll(ssoRule.coveredParts(account.getTenantId()));
            }
            return Optional.ofNullable(em.find(DirectoryUser.class, account.getDirectoryUserId()))
                    .filter(u -> u.isActive() && u.getTenantId() == account.getTenantId())
                    .flatMap(u -> ofUser(u, principal, account.credentialStamp(), parts));
        }
        if (!account.isBreakGlass() && ssoRule.forAdminTool(account.getTenantId())) {
            return Optional.empty(); // SSO now applies to the admin tool: password sessions end
        }
        return tenants.byId(account.getTenantId()).map(t -> new Caller(principal, CallerKind.TENANT_ADMIN, t.getId(),
                t.getSlug(), null, account.getUsername(), null, Permission.adminTool(), account.credentialStamp()));
    }

    /**
     * Everything the user holds, whatever the way in (the caller of a SAML session or a console password holds only
     * the parts its way in reaches): what a console password would hand over, what User Maintenance shows.
     */
    public Set<Permission> permissionsOf(DirectoryUser user) {
        return user.isActive() ? Set.copyOf(sources.of(user).keySet()) : Set.of();
    }

    /** @param parts the parts of Faxgate this way in reaches; permissions of other parts do not count */
    private Optional<Caller> ofUser(DirectoryUser user, String principal, String credentialStamp, Set<Permission.Area> parts) {
        Optional<Tenant> tenant = tenants.byId(user.getTenantId());
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        sources.of(user).keySet().stream().filter(p -> parts.contains(p.area())).forEach(permissions::add);
        return tenant.map(t -> new Caller(principal, CallerKind.DIRECTORY_USER, t.getId(),
                t.getSlug(), user.getId(), user.getUserName(), user.getEmail(), permissions, credentialStamp));
    }
}
