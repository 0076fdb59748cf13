package io.faxgate.directory.boundary;

import io.faxgate.access.control.TenantAccess;
import io.faxgate.access.entity.Roles;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.directory.control.SecurityGroups;
import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;

/** Security groups of a tenant (bindings to lines live with the lines: FaxLineFacade). */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.MANAGE_FAX_LINES, Roles.MANAGE_USERS})
public class SecurityGroupFacade {

    @Inject
    TenantAccess access;

    @Inject
    SecurityGroups groups;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public List<SecurityGroupView> list(String slug) {
        return groups.ofTenant(access.tenant(slug).getId()).stream().map(SecurityGroupView::of).toList();
    }

    public SecurityGroupView get(String slug, long id) {
        return SecurityGroupView.of(groups.get(access.tenant(slug).getId(), id));
    }

    public SecurityGroupView create(String slug, @NotNull(message = "body is required") @Valid NewSecurityGroup request) {
        Tenant tenant = access.tenant(slug);
        String externalId = request.externalId().strip();
        if (groups.byExternalId(tenant.getId(), externalId).isPresent()) {
            throw new ConflictException("externalId", "a group with externalId '" + externalId + "' already exists");
        }
        SecurityGroup group = new SecurityGroup(tenant.getId(), externalId, request.displayName().strip(),
                DirectorySource.LOCAL, clock.instant());
        groups.add(group);
        audit.record(tenant.getId(), AuditTypes.GROUP_CREATED, AuditOutcome.SUCCESS, group.getDisplayName(),
                "externalId=" + externalId);
        return SecurityGroupView.of(group);
    }
}
