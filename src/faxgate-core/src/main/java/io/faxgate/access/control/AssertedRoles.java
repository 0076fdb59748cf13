package io.faxgate.access.control;

import io.faxgate.access.entity.AssertedRole;
import io.faxgate.directory.control.DirectoryUserRemoved;
import io.faxgate.directory.control.UserAppRoles;
import io.faxgate.platform.control.AccessEpoch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A directory user's app roles as the directory assigns them — asserted in a SAML response at sign-in, or provisioned
 * over SCIM ({@code roles}). Both write the same rows: the IdP's current assignment, last writer wins. Role mappings
 * turn them into permissions on every request, so a change here takes effect on the user's next request. The only
 * writer of {@code asserted_role}. Every method is scoped to the tenant its caller established.
 */
@ApplicationScoped
public class AssertedRoles implements UserAppRoles {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessEpoch epoch;

    @Override
    public Map<Long, List<String>> ofUsers(long tenantId, Collection<Long> userIds) {
        Map<Long, List<String>> roles = new HashMap<>();
        if (userIds.isEmpty()) {
            return roles;
        }
        em.createQuery("""
                select r from AssertedRole r where r.tenantId = :tenantId and r.directoryUserId in :users
                order by r.directoryUserId, r.roleValue""", AssertedRole.class)
                .setParameter("tenantId", tenantId).setParameter("users", List.copyOf(userIds)).getResultStream()
                .forEach(r -> roles.computeIfAbsent(r.getDirectoryUserId(), u -> new ArrayList<>()).add(r.getRoleValue()));
        return roles;
    }

    /**
     * Makes these the user's app roles; blank values are dropped, duplicates collapse. Whether anything changed.
     * Values must already be within {@link #MAX_ROLES} and {@link #MAX_ROLE_LENGTH} (the caller refuses them otherwise).
     */
    @Override
    public boolean replace(long tenantId, long userId, Collection<String> values) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                wanted.add(v.strip());
            }
        }
        if (wanted.size() > MAX_ROLES || wanted.stream().anyMatch(v -> v.length() > MAX_ROLE_LENGTH)) {
            throw new IllegalArgumentException("app roles over the limits");
        }
        if (Set.copyOf(of(tenantId, userId)).equals(wanted)) {
            return false;
        }
        removeAll(tenantId, userId);
        for (String role : wanted) {
            em.persist(new AssertedRole(tenantId, userId, role));
        }
        em.flush();
        return true;
    }

    public int removeAll(long tenantId, long userId) {
        int removed = em.createNamedQuery(AssertedRole.DELETE_OF_USER).setParameter("tenantId", tenantId)
                .setParameter("userId", userId).executeUpdate();
        epoch.changedInThisTransaction();
        return removed;
    }

    /**
     * The app roles of a SAML assertion become the user's: blank values and values over
     * {@link #MAX_ROLE_LENGTH} characters are dropped (an assertion is not refused for them), duplicates collapse.
     */
    public void asserted(long tenantId, long userId, Collection<String> values) {
        Set<String> kept = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank() && v.length() <= MAX_ROLE_LENGTH) {
                kept.add(v.strip());
            }
        }
        removeAll(tenantId, userId);
        for (String role : kept) {
            em.persist(new AssertedRole(tenantId, userId, role));
        }
    }

    void userRemoved(@Observes DirectoryUserRemoved removed) {
        removeAll(removed.tenantId(), removed.userId());
    }
}
