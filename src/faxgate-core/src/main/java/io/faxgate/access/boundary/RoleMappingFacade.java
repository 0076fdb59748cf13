package io.faxgate.access.boundary;

import io.faxgate.access.control.CurrentCaller;
import io.faxgate.access.control.GrantRule;
import io.faxgate.access.control.PermissionSources;
import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.access.entity.Caller;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.access.entity.Permission;
import io.faxgate.access.entity.RoleMapping;
import io.faxgate.platform.entity.Roles;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.platform.boundary.NotFoundException;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which Entra app roles or group ids grant which Faxgate permissions (mode "Authentication and permissions"). */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.MANAGE_ROLE_MAPPINGS})
public class RoleMappingFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    TenantAccess access;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditTrail audit;

    @Inject
    GrantRule rule;

    @Inject
    PermissionSources sources;

    public List<RoleMappingView> list(String slug) {
        return em.createNamedQuery(RoleMapping.OF_TENANT, RoleMapping.class).setParameter("tenantId", access.tenant(slug).getId())
                .getResultStream().map(RoleMappingView::of).toList();
    }

    public RoleMappingView create(String slug, @NotNull(message = "body is required") @Valid NewRoleMapping request) {
        Tenant tenant = access.tenant(slug);
        Permission permission = PermissionNames.parse("permission", request.permission());
        String claimValue = request.claimValue().strip();
        boolean exists = em.createNamedQuery(RoleMapping.OF_TENANT, RoleMapping.class).setParameter("tenantId", tenant.getId())
                .getResultStream().anyMatch(m -> m.getClaimValue().equals(claimValue) && m.getPermission() == permission);
        refuseUnlessCallerMayMap(tenant, claimValue, permission, "map ");
        if (exists) {
            throw new ConflictException("claimValue", claimValue + " already maps to " + permission);
        }
        RoleMapping mapping = new RoleMapping(tenant.getId(), claimValue, permission);
        em.persist(mapping);
        em.flush();
        audit.record(tenant.getId(), AuditTypes.ROLE_MAPPING_CREATED, AuditOutcome.SUCCESS, claimValue, "-> " + permission);
        return RoleMappingView.of(mapping);
    }

    /**
     * The grant rule applied to mappings: only permissions the caller holds, and never the caller's own app roles or
     * groups (that would change their own permissions, even where the tenant's mode does not use mappings yet).
     */
    private void refuseUnlessCallerMayMap(Tenant tenant, String claimValue, Permission permission, String verb) {
        Caller caller = currentCaller.get();
        boolean own = caller.directoryUserId() != null && Optional.ofNullable(em.find(DirectoryUser.class, caller.directoryUserId()))
                .map(u -> sources.claimValuesOf(u).containsKey(claimValue)).orElse(false);
        rule.enforce(caller, tenant.getId(), "permission", claimValue, verb + claimValue + " -> " + permission,
                Set.of(permission), own);
    }

    public void delete(String slug, long id) {
        Tenant tenant = access.tenant(slug);
        RoleMapping mapping = em.find(RoleMapping.class, id);
        if (mapping == null || mapping.getTenantId() != tenant.getId()) {
            throw new NotFoundException("role mapping " + id);
        }
        refuseUnlessCallerMayMap(tenant, mapping.getClaimValue(), mapping.getPermission(), "unmap ");
        em.remove(mapping);
        audit.record(tenant.getId(), AuditTypes.ROLE_MAPPING_DELETED, AuditOutcome.SUCCESS, mapping.getClaimValue(),
                "-> " + mapping.getPermission());
    }
}
