package io.faxgate.directory.control;

import io.faxgate.platform.control.AccessEpoch;
import io.faxgate.directory.entity.GroupMembership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Direct members of security groups, one {@link GroupMembership} row each. Adds insert only rows that are missing
 * (a duplicate add is a no-op), removes delete only the named rows; callers hold the group's row lock, so parallel
 * PATCHes to one group run one after the other and none is lost. Bulk deletes move the {@link AccessEpoch} themselves.
 */
@ApplicationScoped
public class GroupMembers {

    /** IN-lists are sent in chunks of this size (PostgreSQL and H2 both cope; keeps statements small). */
    private static final int CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessEpoch epoch;

    public List<ScimMember> of(long tenantId, long groupId) {
        return ofGroups(tenantId, List.of(groupId)).getOrDefault(groupId, List.of());
    }

    public Map<Long, List<ScimMember>> ofGroups(long tenantId, Collection<Long> groupIds) {
        Map<Long, List<ScimMember>> members = new HashMap<>();
        for (List<Long> chunk : chunks(groupIds)) {
            List<Object[]> rows = em.createQuery("""
                    select m.securityGroupId, u.id, u.displayName, u.userName from GroupMembership m, DirectoryUser u
                    where m.tenantId = :tenantId and m.securityGroupId in :groups and u.tenantId = :tenantId
                    and u.id = m.directoryUserId order by m.securityGroupId, u.id""", Object[].class)
                    .setParameter("tenantId", tenantId).setParameter("groups", chunk).getResultList();
            for (Object[] r : rows) {
                String display = r[2] != null ? (String) r[2] : (String) r[3];
                members.computeIfAbsent((Long) r[0], g -> new ArrayList<>()).add(new ScimMember((Long) r[1], display));
            }
        }
        return members;
    }

    /**
     * The users named by these member values, all of this tenant. A value that is not a user id of this tenant
     * (unknown, malformed, or another tenant's) is refused as invalidValue — the same answer for each, so ids never
     * reveal what exists elsewhere, and nothing is ever linked across tenants.
     */
    public Set<Long> requireUsers(long tenantId, Collection<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<String> bad = new TreeSet<>();
        for (String v : values) {
            try {
                ids.add(Long.parseLong(v == null ? "" : v.strip()));
            } catch (NumberFormatException malformed) {
                bad.add(String.valueOf(v));
            }
        }
        Set<Long> found = new HashSet<>();
        for (List<Long> chunk : chunks(ids)) {
            found.addAll(em.createQuery("select u.id from DirectoryUser u where u.tenantId = :tenantId and u.id in :ids", Long.class)
                    .setParameter("tenantId", tenantId).setParameter("ids", chunk).getResultList());
        }
        for (Long id : ids) {
            if (!found.contains(id)) {
                bad.add(id.toString());
            }
        }
        if (!bad.isEmpty()) {
            throw ScimProblem.invalidValue("members: no user with id " + String.join(", ", limited(bad))
                    + " in this tenant; member values are the ids of Users returned by this service");
        }
        return ids;
    }

    /** Adds the users not yet members; the ids added. */
    public Set<Long> add(long tenantId, long groupId, Set<Long> userIds) {
        Set<Long> missing = new LinkedHashSet<>(userIds);
        for (List<Long> chunk : chunks(userIds)) {
            missing.removeAll(em.createQuery("""
                    select m.directoryUserId from GroupMembership m where m.securityGroupId = :group
                    and m.directoryUserId in :ids""", Long.class)
                    .setParameter("group", groupId).setParameter("ids", chunk).getResultList());
        }
        for (Long userId : missing) {
            em.persist(new GroupMembership(tenantId, groupId, userId));
        }
        em.flush();
        return missing;
    }

    /** Removes these users' memberships (absent ones are ignored); how many rows went. */
    public int remove(long tenantId, long groupId, Set<Long> userIds) {
        int removed = 0;
        for (List<Long> chunk : chunks(userIds)) {
            removed += em.createQuery("""
                    delete from GroupMembership m where m.tenantId = :tenantId and m.securityGroupId = :group
                    and m.directoryUserId in :ids""").setParameter("tenantId", tenantId).setParameter("group", groupId)
                    .setParameter("ids", chunk).executeUpdate();
        }
        if (removed > 0) {
            epoch.changedInThisTransaction();
        }
        return removed;
    }

    public int removeAll(long tenantId, long groupId) {
        int removed = em.createQuery("delete from GroupMembership m where m.tenantId = :tenantId and m.securityGroupId = :group")
                .setParameter("tenantId", tenantId).setParameter("group", groupId).executeUpdate();
        if (removed > 0) {
            epoch.changedInThisTransaction();
        }
        return removed;
    }

    /** All of a user's memberships (the user is being deleted). */
    public int removeUser(long tenantId, long userId) {
        int removed = em.createQuery("delete from GroupMembership m where m.tenantId = :tenantId and m.directoryUserId = :user")
                .setParameter("tenantId", tenantId).setParameter("user", userId).executeUpdate();
        if (removed > 0) {
            epoch.changedInThisTransaction();
        }
        return removed;
    }

    /**
     * The groups an IdP asserted at sign-in become the user's memberships among the groups Faxgate knows by an
     * object id (externalId): memberships of other known groups go, those of groups without an externalId
     * (provisioned by non-Entra SCIM clients; no claim can name them) stay. Reads only the asserted groups and the
     * user's own memberships — never all of the tenant's groups, which a sign-in used to load every time.
     */
    public void reconcile(long tenantId, long userId, Collection<String> assertedExternalIds) {
        Set<Long> claimed = new HashSet<>();
        for (List<String> chunk : chunks(assertedExternalIds.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()))) {
            claimed.addAll(em.createQuery("""
                    select g.id from SecurityGroup g where g.tenantId = :tenantId and g.externalId in :externalIds""", Long.class)
                    .setParameter("tenantId", tenantId).setParameter("externalIds", chunk).getResultList());
        }
        List<Object[]> current = em.createQuery("""
                select m, g.externalId from GroupMembership m, SecurityGroup g where m.tenantId = :tenantId
                and m.directoryUserId = :userId and g.tenantId = :tenantId and g.id = m.securityGroupId""", Object[].class)
                .setParameter("tenantId", tenantId).setParameter("userId", userId).getResultList();
        Set<Long> have = new HashSet<>();
        for (Object[] row : current) {
            GroupMembership m = (GroupMembership) row[0];
            if (claimed.contains(m.getSecurityGroupId())) {
                have.add(m.getSecurityGroupId());
            } else if (row[1] != null) {
                em.remove(m);
            }
        }
        for (Long groupId : claimed) {
            if (!have.contains(groupId)) {
                em.persist(new GroupMembership(tenantId, groupId, userId));
            }
        }
    }

    /** What a replacement of all members did: the user ids added, and how many memberships went. */
    public record Replaced(Set<Long> added, int removed) {
    }

    /** Members as listed: adds the missing, removes the others. */
    public Replaced replace(long tenantId, long groupId, Set<Long> userIds) {
        Set<Long> current = new HashSet<>(em.createQuery(
                        "select m.directoryUserId from GroupMembership m where m.tenantId = :tenantId and m.securityGroupId = :group", Long.class)
                .setParameter("tenantId", tenantId).setParameter("group", groupId).getResultList());
        Set<Long> gone = new HashSet<>(current);
        gone.removeAll(userIds);
        int removed = remove(tenantId, groupId, gone);
        return new Replaced(add(tenantId, groupId, userIds), removed);
    }

    static List<String> limited(Collection<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (out.size() == 10) {
                out.add("… (" + values.size() + " in all)");
                break;
            }
            out.add(v.length() > 60 ? v.substring(0, 60) + "…" : v);
        }
        return out;
    }

    private static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }
}
