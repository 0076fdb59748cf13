package io.faxgate.directory.boundary;

import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.platform.entity.Roles;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    @PersistenceContext
    EntityManager em;

    public List<SecurityGroupView> list(String slug) {
        return groups.ofTenant(access.tenant(slug).getId()).stream().map(SecurityGroupView::of).toList();
    }

    public SecurityGroupView get(String slug, long id) {
        return SecurityGroupView.of(groups.get(access.tenant(slug).getId(), id));
    }

    /**
     * Renames a group created in Faxgate. Groups from Entra or the directory agent are renamed there: the next sync
     * would overwrite a local name.
     */
    public SecurityGroupView rename(String slug, long id, @NotNull(message = "body is required") @Valid GroupRename change) {
        Tenant tenant = access.tenant(slug);
        SecurityGroup group = groups.get(tenant.getId(), id);
        if (group.getVersion() != change.version()) {
            throw ConflictException.staleVersion("security group", change.version(), group.getVersion());
        }
        if (group.getSource() != DirectorySource.LOCAL) {
            throw new ConflictException("displayName", "this group comes from directory sync (" + group.getSource()
                    + "); rename it in the directory, the next sync brings the new name");
        }
        String before = group.getDisplayName();
        group.rename(change.displayName().strip(), clock.instant());
        em.flush();
        audit.record(tenant.getId(), AuditTypes.GROUP_UPDATED, AuditOutcome.SUCCESS, group.getDisplayName(),
                "displayName " + before + " -> " + group.getDisplayName());
        return SecurityGroupView.of(group);
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
