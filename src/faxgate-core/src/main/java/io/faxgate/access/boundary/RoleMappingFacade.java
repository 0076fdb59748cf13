package io.faxgate.access.boundary;

import io.faxgate.access.control.TenantAccess;
import io.faxgate.access.entity.Permission;
import io.faxgate.access.entity.RoleMapping;
import io.faxgate.access.entity.Roles;
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

/** Which Entra app roles or group ids grant which Faxgate permissions (mode "Authentication and permissions"). */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.MANAGE_ROLE_MAPPINGS})
public class RoleMappingFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    TenantAccess access;

    @Inject
    AuditTrail audit;

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
        if (exists) {
            throw new ConflictException("claimValue", claimValue + " already maps to " + permission);
        }
        RoleMapping mapping = new RoleMapping(tenant.getId(), claimValue, permission);
        em.persist(mapping);
        em.flush();
        audit.record(tenant.getId(), AuditTypes.ROLE_MAPPING_CREATED, AuditOutcome.SUCCESS, claimValue, "-> " + permission);
        return RoleMappingView.of(mapping);
    }

    public void delete(String slug, long id) {
        Tenant tenant = access.tenant(slug);
        RoleMapping mapping = em.find(RoleMapping.class, id);
        if (mapping == null || mapping.getTenantId() != tenant.getId()) {
            throw new NotFoundException("role mapping " + id);
        }
        em.remove(mapping);
        audit.record(tenant.getId(), AuditTypes.ROLE_MAPPING_DELETED, AuditOutcome.SUCCESS, mapping.getClaimValue(),
                "-> " + mapping.getPermission());
    }
}
