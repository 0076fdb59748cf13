package io.faxgate.access.boundary;

import io.faxgate.access.control.CurrentCaller;
import io.faxgate.access.control.GrantRule;
import io.faxgate.access.control.PermissionSources;
import io.faxgate.access.entity.Caller;
import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.access.entity.Permission;
import io.faxgate.access.entity.PermissionGrant;
import io.faxgate.platform.entity.Roles;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.directory.control.DirectoryUsers;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * User Maintenance's permission editor. In "Authentication and permissions" mode Entra decides, so the service
 * itself refuses every change (not only the page hiding the buttons), and says where permissions come from instead.
 */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.MANAGE_USERS})
public class PermissionFacade {

    static final String READ_ONLY = "This company's permissions come from Microsoft Entra app roles (mode"
            + " \"Authentication and permissions\"): change the user's app roles in Entra or the role mappings in Faxgate.";

    @PersistenceContext
    EntityManager em;

    @Inject
    TenantAccess access;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    DirectoryUsers users;

    @Inject
    PermissionSources sources;

    @Inject
    AuditTrail audit;

    @Inject
    GrantRule rule;

    @Inject
    Clock clock;

    public UserPermissions of(String slug, long userId) {
        Tenant tenant = access.tenant(slug);
        DirectoryUser user = users.get(tenant.getId(), userId);
        Set<Permission.Area> byDirectory = sources.directoryDecidedParts(tenant.getId());
        // editable while any part's permissions are granted in Faxgate (the mode applies to the parts in scope only)
        boolean editable = byDirectory.size() < Permission.Area.values().length;
        Map<Permission, List<String>> held = sources.of(user);
        // the names of the tenant's SSO modes, as the API has always shown them
        String mode = byDirectory.isEmpty() ? "AUTHENTICATION_ONLY" : "AUTHENTICATION_AND_PERMISSIONS";
        return new UserPermissions(userId, mode, editable, editable ? null : READ_ONLY,
                held.entrySet().stream().map(e -> new UserPermissions.Held(e.getKey().name(), e.getKey().description(), e.getValue())).toList());
    }

    /** Idempotent. */
    public UserPermissions grant(String slug, long userId, String permissionName) {
        Tenant tenant = access.tenant(slug);
        DirectoryUser user = users.get(tenant.getId(), userId);
        Permission permission = PermissionNames.parse("permission", permissionName);
        refuseUnlessEditable(tenant, user, permission, "grant " + permission);
        refuseUnlessCallerMayHandOut(tenant, user, permission, "grant ");
        if (grantOf(tenant, user, permission) == null) {
            em.persist(new PermissionGrant(tenant.getId(), user.getId(), permission, currentCaller.get().userName(), clock.instant()));
            em.flush();
            audit.record(tenant.getId(), AuditTypes.PERMISSION_GRANTED, AuditOutcome.SUCCESS, user.getUserName(), permission.name());
        }
        return of(slug, userId);
    }

    /** Idempotent. */
    public UserPermissions revoke(String slug, long userId, String permissionName) {
        Tenant tenant = access.tenant(slug);
        DirectoryUser user = users.get(tenant.getId(), userId);
        Permission permission = PermissionNames.parse("permission", permissionName);
        refuseUnlessEditable(tenant, user, permission, "revoke " + permission);
        refuseUnlessCallerMayHandOut(tenant, user, permission, "revoke ");
        PermissionGrant grant = grantOf(tenant, user, permission);
        if (grant != null) {
            em.remove(grant);
            em.flush();
            audit.record(tenant.getId(), AuditTypes.PERMISSION_REVOKED, AuditOutcome.SUCCESS, user.getUserName(), permission.name());
        }
        return of(slug, userId);
    }

    private void refuseUnlessEditable(Tenant tenant, DirectoryUser user, Permission permission, String attempted) {
        if (sources.directoryDecidedParts(tenant.getId()).contains(permission.area())) {
            audit.recordIndependently(tenant.getId(), null, AuditTypes.PERMISSION_CHANGE_REFUSED, AuditOutcome.DENIED,
                    user.getUserName(), attempted + ": permissions are read-only in mode AUTHENTICATION_AND_PERMISSIONS", null);
            throw new ConflictException("mode", READ_ONLY);
        }
    }

    private void refuseUnlessCallerMayHandOut(Tenant tenant, DirectoryUser user, Permission permission, String verb) {
        Caller caller = currentCaller.get();
        rule.enforce(caller, tenant.getId(), "permission", user.getUserName(), verb + permission, Set.of(permission),
                Long.valueOf(user.getId()).equals(caller.directoryUserId()));
    }

    private PermissionGrant grantOf(Tenant tenant, DirectoryUser user, Permission permission) {
        return em.createNamedQuery(PermissionGrant.OF_USER, PermissionGrant.class).setParameter("tenantId", tenant.getId())
                .setParameter("userId", user.getId()).getResultStream().filter(g -> g.getPermission() == permission)
                .findFirst().orElse(null);
    }
}
