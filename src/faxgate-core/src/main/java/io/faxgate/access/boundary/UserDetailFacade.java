package io.faxgate.access.boundary;

import io.faxgate.access.control.CallerDirectory;
import io.faxgate.directory.boundary.DirectoryUserView;
import io.faxgate.directory.boundary.SecurityGroupView;
import io.faxgate.directory.control.DirectoryUsers;
import io.faxgate.directory.control.SecurityGroups;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.fax.boundary.FaxLineView;
import io.faxgate.fax.control.FaxLines;
import io.faxgate.platform.entity.Roles;
import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * One user as User Maintenance shows them: the directory's record, their groups, the fax lines those groups reach
 * and the permissions they hold right now. Here, in access, because it is a question of who reaches what.
 */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.MANAGE_USERS})
public class UserDetailFacade {

    @Inject
    TenantAccess access;

    @Inject
    DirectoryUsers users;

    @Inject
    SecurityGroups groups;

    @Inject
    FaxLines lines;

    @Inject
    CallerDirectory callers;

    public DirectoryUserDetail get(String slug, long id) {
        Tenant tenant = access.tenant(slug);
        DirectoryUser user = users.get(tenant.getId(), id);
        List<String> permissions = callers.permissionsOf(user).stream().map(Enum::name).sorted().toList();
        return new DirectoryUserDetail(DirectoryUserView.of(user),
                groups.ofUser(tenant.getId(), user.getId()).stream().map(SecurityGroupView::of).toList(),
                lines.reachableBy(tenant.getId(), user.getId()).stream().map(FaxLineView::of).toList(),
                permissions);
    }
}
