package io.faxgate.access.control;

import io.faxgate.access.entity.Caller;
import io.faxgate.access.entity.CallerKind;
import io.faxgate.access.entity.LocalAccount;
import io.faxgate.access.entity.LocalAccountKind;
import io.faxgate.access.entity.Permission;
import io.faxgate.access.entity.PermissionGrant;
import io.faxgate.access.entity.AssertedRole;
import io.faxgate.access.entity.RoleMapping;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.GroupMembership;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.sso.entity.SsoMode;
import io.faxgate.sso.entity.SsoSettings;
import java.util.HashSet;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a principal name into the {@link Caller} as of now. Disabled accounts, deactivated users and deleted
 * tenants resolve to nothing, which ends their sessions on the next request.
 */
@ApplicationScoped
public class CallerDirectory {

    @PersistenceContext
    EntityManager em;

    @Inject
    LocalAccounts accounts;

    @Inject
    Tenants tenants;

    public Optional<Caller> find(String principalName) {
        if (principalName == null) {
            return Optional.empty();
        }
        if (principalName.startsWith(Caller.LOCAL_PREFIX)) {
            return accounts.byUsername(principalName.substring(Caller.LOCAL_PREFIX.length()))
                    .filter(LocalAccount::isEnabled)
                    .flatMap(this::ofAccount);
        }
        if (principalName.startsWith(Caller.USER_PREFIX)) {
            try {
                long id = Long.parseLong(principalName.substring(Caller.USER_PREFIX.length()));
                return Optional.ofNullable(em.find(DirectoryUser.class, id))
                        .filter(DirectoryUser::isActive)
                        .flatMap(this::ofUser);
            } catch (NumberFormatException malformed) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * "Authentication only": the grants made in User Maintenance. "Authentication and permissions": only the role
     * mappings that match the app roles of the user's latest assertion or the object ids of the user's groups.
     */
    Set<Permission> permissionsOf(DirectoryUser user) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        long tenantId = user.getTenantId();
        if (modeOf(tenantId) == SsoMode.AUTHENTICATION_AND_PERMISSIONS) {
            Set<String> claimValues = new HashSet<>();
            em.createNamedQuery(AssertedRole.OF_USER, AssertedRole.class).setParameter("tenantId", tenantId)
                    .setParameter("userId", user.getId()).getResultStream().forEach(r -> claimValues.add(r.getRoleValue()));
            em.createNamedQuery(GroupMembership.GROUPS_OF_USER, SecurityGroup.class).setParameter("tenantId", tenantId)
                    .setParameter("userId", user.getId()).getResultStream().forEach(g -> claimValues.add(g.getExternalId()));
            em.createNamedQuery(RoleMapping.OF_TENANT, RoleMapping.class).setParameter("tenantId", tenantId)
                    .getResultStream().filter(m -> claimValues.contains(m.getClaimValue()))
                    .forEach(m -> permissions.add(m.getPermission()));
        } else {
            em.createNamedQuery(PermissionGrant.OF_USER, PermissionGrant.class)
                    .setParameter("tenantId", tenantId).setParameter("userId", user.getId())
                    .getResultStream().forEach(g -> permissions.add(g.getPermission()));
        }
        return permissions;
    }

    private SsoMode modeOf(long tenantId) {
        return em.createNamedQuery(SsoSettings.OF_TENANT, SsoSettings.class).setParameter("tenantId", tenantId)
                .getResultStream().findFirst().map(s -> s.configuration().mode()).orElse(SsoMode.AUTHENTICATION_ONLY);
    }

    private Optional<Caller> ofAccount(LocalAccount account) {
        String principal = Caller.localPrincipal(account.getUsername());
        if (account.getKind() == LocalAccountKind.PLATFORM_OPERATOR) {
            return Optional.of(new Caller(principal, CallerKind.PLATFORM_OPERATOR, null, null, null,
                    account.getUsername(), null, Set.of()));
        }
        return tenants.byId(account.getTenantId()).map(t -> new Caller(principal, CallerKind.TENANT_ADMIN, t.getId(),
                t.getSlug(), null, account.getUsername(), null, Permission.adminTool()));
    }

    private Optional<Caller> ofUser(DirectoryUser user) {
        Optional<Tenant> tenant = tenants.byId(user.getTenantId());
        Set<Permission> permissions = permissionsOf(user);
        return tenant.map(t -> new Caller(Caller.userPrincipal(user.getId()), CallerKind.DIRECTORY_USER, t.getId(),
                t.getSlug(), user.getId(), user.getUserName(), user.getEmail(), permissions));
    }
}
