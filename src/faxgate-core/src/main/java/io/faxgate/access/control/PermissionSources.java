package io.faxgate.access.control;

import io.faxgate.access.entity.AssertedRole;
import io.faxgate.access.entity.Permission;
import io.faxgate.access.entity.PermissionGrant;
import io.faxgate.access.entity.RoleMapping;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.GroupMembership;
import io.faxgate.directory.entity.SecurityGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each of a user's permissions comes from. "Authentication only": the grants made in User Maintenance.
 * "Authentication and permissions", for the parts the SSO scope names: only the role mappings that match an app role of the user's latest assertion
 * or the object id of one of the user's groups.
 */
@ApplicationScoped
public class PermissionSources {

    @PersistenceContext
    EntityManager em;

    @Inject
    SsoPolicy sso;

    /**
     * The parts whose permissions come from role mappings (else from grants made in Faxgate): in "authentication and
     * permissions" mode the parts the SSO scope names — the mode applies to the parts in scope.
     */
    public Set<Permission.Area> directoryDecidedParts(long tenantId) {
        return sso.directoryDecidedParts(tenantId);
    }

    /**
     * Each permission the user holds, with a human-readable list of its sources. With scope WEB_STAFF in
     * "Authentication and permissions", Entra decides the staff console's permissions while the admin tool's are
     * still granted in Faxgate (and the other way round).
     */
    public Map<Permission, List<String>> of(DirectoryUser user) {
        Map<Permission, List<String>> sources = new EnumMap<>(Permission.class);
        long tenantId = user.getTenantId();
        Set<Permission.Area> byDirectory = directoryDecidedParts(tenantId);
        if (!byDirectory.isEmpty()) {
            Map<String, String> claimValues = claimValuesOf(user);
            em.createNamedQuery(RoleMapping.OF_TENANT, RoleMapping.class).setParameter("tenantId", tenantId)
                    .getResultStream().filter(m -> claimValues.containsKey(m.getClaimValue()))
                    .filter(m -> byDirectory.contains(m.getPermission().area()))
                    .forEach(m -> sources.computeIfAbsent(m.getPermission(), p -> new ArrayList<>())
                            .add(claimValues.get(m.getClaimValue())));
        }
        if (byDirectory.size() < Permission.Area.values().length) {
            em.createNamedQuery(PermissionGrant.OF_USER, PermissionGrant.class)
                    .setParameter("tenantId", tenantId).setParameter("userId", user.getId()).getResultStream()
                    .filter(g -> !byDirectory.contains(g.getPermission().area()))
                    .forEach(g -> sources.computeIfAbsent(g.getPermission(), p -> new ArrayList<>())
                            .add("granted in Faxgate by " + g.getGrantedBy()));
        }
        return sources;
    }

    /**
     * What role mappings match for this user: the app roles of their latest assertion and the object ids of their
     * groups, each with a human-readable name.
     */
    public Map<String, String> claimValuesOf(DirectoryUser user) {
        Map<String, String> claimValues = new HashMap<>();
        long tenantId = user.getTenantId();
        em.createNamedQuery(AssertedRole.OF_USER, AssertedRole.class).setParameter("tenantId", tenantId)
                .setParameter("userId", user.getId()).getResultStream()
                .forEach(r -> claimValues.put(r.getRoleValue(), "app role " + r.getRoleValue()));
        em.createNamedQuery(GroupMembership.GROUPS_OF_USER, SecurityGroup.class).setParameter("tenantId", tenantId)
                .setParameter("userId", user.getId()).getResultStream()
                .filter(g -> g.getExternalId() != null) // no object id: no claim can name the group
                .forEach(g -> claimValues.putIfAbsent(g.getExternalId(), "group " + g.getDisplayName()));
        return claimValues;
    }
}
