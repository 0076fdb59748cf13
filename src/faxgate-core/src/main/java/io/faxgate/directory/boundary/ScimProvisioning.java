package io.faxgate.directory.boundary;

import io.faxgate.access.boundary.AppRoleFacade;
import io.faxgate.access.control.AccessEpoch;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.directory.control.GroupMembers;
import io.faxgate.directory.control.ScimSearch;
import io.faxgate.directory.control.ScimTokens;
import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.ScimToken;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.platform.control.PublicBaseUrl;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Directory provisioning over SCIM 2.0 (Entra ID, the AD sync agent). The tenant comes from the bearer token
 * ({@link #authenticate}), never from a container caller, hence {@code @PermitAll}: every other method takes the
 * {@link ScimClient} that authentication returned and touches that tenant only. Every change is audited with the
 * actor {@code scim:<token prefix>} in the same transaction.
 *
 * <p>Deactivation ({@code active=false}) is a soft delete: the user stays readable here, and since the change goes
 * through JPA the access epoch moves, so open sessions lose all access on their next request. DELETE removes the
 * user with memberships, grants and asserted roles.
 */
@Stateless
@PermitAll
public class ScimProvisioning {

    static final int MAX_NAME = 300;
    static final int MAX_EXTERNAL_ID = 200;
    static final int MAX_EMAIL = 320;

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    ScimTokens tokens;

    @Inject
    ScimSearch search;

    @Inject
    GroupMembers members;

    @Inject
    AuditTrail audit;

    @Inject
    AppRoleFacade appRoles;

    @Inject
    AccessEpoch epoch;

    @Inject
    PublicBaseUrl publicBase;

    @Inject
    Clock clock;

    /**
     * The client a bearer token identifies, if the token is valid, unrevoked and belongs to the tenant in the path.
     * A token of another tenant is treated exactly like an unknown one.
     */
    public Optional<ScimClient> authenticate(String slug, String bearerToken) {
        Optional<ScimToken> token = tokens.find(bearerToken);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<Tenant> tenant = tenants.byId(token.get().getTenantId()).filter(t -> t.getSlug().equals(slug));
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        tokens.used(token.get(), clock.instant());
        return Optional.of(new ScimClient(tenant.get().getId(), slug, token.get().getId(), token.get().getTokenPrefix(),
                token.get().getRatePerSecond(), publicBase.resolve("/scim/v2/" + slug)));
    }

    // ---------------------------------------------------------------- users

    public ScimUserRecord createUser(ScimClient client, ScimUserData data) {
        ScimUserData d = checked(data);
        requireUniqueUser(client, d, -1);
        Instant now = clock.instant();
        DirectoryUser user = new DirectoryUser(client.tenantId(), d.externalId(), d.userName(),
                d.source() == null ? DirectorySource.SCIM : d.source(), now);
        user.describe(d.userName(), d.email(), d.displayName(), now);
        user.name(d.givenName(), d.familyName(), now);
        if (!d.active()) {
            user.activate(false, now);
        }
        em.persist(user);
        em.flush();
        if (d.roles() != null) {
            appRoles.replace(client.tenantId(), user.getId(), d.roles());
        }
        audit.recordAs(client.tenantId(), client.actor(), AuditTypes.USER_CREATED, AuditOutcome.SUCCESS, user.getUserName(),
                "provisioned over SCIM (" + user.getSource() + "), id " + user.getId() + ", externalId " + user.getExternalId()
                        + (d.active() ? "" : ", inactive") + (d.roles() == null || d.roles().isEmpty() ? "" : ", app roles " + d.roles()));
        return record(client, user);
    }

    public ScimUserRecord user(ScimClient client, long id) {
        return record(client, findUser(client, id, false));
    }

    /** A page of users matching {@code filter} (null: all), in {@code sort} order (null: by id). */
    public ScimPage<ScimUserRecord> users(ScimClient client, ScimFilter filter, ScimSort sort, int startIndex, int count) {
        ScimPage<DirectoryUser> page = search.users(client.tenantId(), filter, sort, startIndex, count);
        Map<Long, List<String>> roles = appRoles.ofUsers(client.tenantId(),
                page.resources().stream().map(DirectoryUser::getId).toList());
        return new ScimPage<>(page.resources().stream().map(u -> ScimUserRecord.of(u, roles.getOrDefault(u.getId(), List.of())))
                .toList(), page.totalResults(), page.startIndex());
    }

    public ScimUserRecord replaceUser(ScimClient client, long id, ScimUserData data, IfMatch ifMatch) {
        DirectoryUser user = findUser(client, id, true);
        required(ifMatch, user.getVersion(), "User " + id);
        return change(client, user, checked(data));
    }

    /**
     * Applies a PATCH: {@code patch} gets the user as stored and returns the user as it should be. The user's row
     * is locked meanwhile, so two PATCHes of one user never overwrite each other.
     */
    public ScimUserRecord patchUser(ScimClient client, long id, Function<ScimUserRecord, ScimUserData> patch, IfMatch ifMatch) {
        DirectoryUser user = findUser(client, id, true);
        required(ifMatch, user.getVersion(), "User " + id);
        ScimUserData patched = patch.apply(record(client, user));
        return change(client, user, checked(patched));
    }

    public void deleteUser(ScimClient client, long id, IfMatch ifMatch) {
        DirectoryUser user = findUser(client, id, true);
        required(ifMatch, user.getVersion(), "User " + id);
        long tenantId = client.tenantId();
        int memberships = members.removeUser(tenantId, user.getId());
        em.createQuery("delete from PermissionGrant g where g.tenantId = :tenantId and g.directoryUserId = :user")
                .setParameter("tenantId", tenantId).setParameter("user", user.getId()).executeUpdate();
        appRoles.removeAll(tenantId, user.getId());
        // A web staff password acts as this user; without the user it must not outlive them.
        em.createQuery("delete from LocalAccount a where a.tenantId = :tenantId and a.directoryUserId = :user")
                .setParameter("tenantId", tenantId).setParameter("user", user.getId()).executeUpdate();
        epoch.changedInThisTransaction();
        em.remove(user);
        em.flush();
        audit.recordAs(tenantId, client.actor(), AuditTypes.USER_DELETED, AuditOutcome.SUCCESS, user.getUserName(),
                "deleted over SCIM, id " + id + ", externalId " + user.getExternalId() + ", " + memberships + " membership(s)");
    }

    private ScimUserRecord change(ScimClient client, DirectoryUser user, ScimUserData d) {
        requireUniqueUser(client, d, user.getId());
        List<String> changed = new ArrayList<>();
        note(changed, "userName", user.getUserName(), d.userName());
        note(changed, "externalId", user.getExternalId(), d.externalId());
        note(changed, "displayName", user.getDisplayName(), d.displayName());
        note(changed, "email", user.getEmail(), d.email());
        note(changed, "name.givenName", user.getGivenName(), d.givenName());
        note(changed, "name.familyName", user.getFamilyName(), d.familyName());
        boolean activationChanged = user.isActive() != d.active();
        Instant now = clock.instant();
        if (!Objects.equals(d.externalId(), user.getExternalId())) {
            user.identify(d.externalId(), now);
        }
        if (!changed.isEmpty()) {
            user.describe(d.userName(), d.email(), d.displayName(), now);
            user.name(d.givenName(), d.familyName(), now);
        }
        if (d.source() != null && d.source() != user.getSource()) {
            user.provisionedBy(d.source());
            changed.add("source=" + d.source());
        }
        if (activationChanged) {
            user.activate(d.active(), now);
        }
        if (d.roles() != null && appRoles.replace(client.tenantId(), user.getId(), d.roles())) {
            // App roles are rows of their own: the user's lastModified and version move with them.
            changed.add("app roles " + d.roles());
            user.touch(now);
        }
        em.flush();
        if (!changed.isEmpty()) {
            audit.recordAs(client.tenantId(), client.actor(), AuditTypes.USER_UPDATED, AuditOutcome.SUCCESS,
                    user.getUserName(), "changed over SCIM: " + String.join(", ", changed));
        }
        if (activationChanged) {
            audit.recordAs(client.tenantId(), client.actor(), AuditTypes.USER_ACTIVATION_CHANGED, AuditOutcome.SUCCESS,
                    user.getUserName(), d.active() ? "activated over SCIM" : "deactivated over SCIM (soft delete)");
        }
        return record(client, user);
    }

    private ScimUserRecord record(ScimClient client, DirectoryUser user) {
        return ScimUserRecord.of(user, appRoles.of(client.tenantId(), user.getId()));
    }

    private static void required(IfMatch ifMatch, long version, String what) {
        if (ifMatch != null) {
            ifMatch.require(version, what);
        }
    }

    private static void note(List<String> changed, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            changed.add(name);
        }
    }

    private DirectoryUser findUser(ScimClient client, long id, boolean lock) {
        var query = em.createNamedQuery(DirectoryUser.BY_ID, DirectoryUser.class).setParameter("tenantId", client.tenantId())
                .setParameter("id", id);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst().orElseThrow(() -> ScimProblem.notFound("User " + id));
    }

    private void requireUniqueUser(ScimClient client, ScimUserData d, long exceptId) {
        boolean nameTaken = !em.createQuery("""
                        select u.id from DirectoryUser u where u.tenantId = :tenantId and u.userNameKey = :key and u.id <> :id""", Long.class)
                .setParameter("tenantId", client.tenantId()).setParameter("key", DirectoryUser.userNameKey(d.userName()))
                .setParameter("id", exceptId).setMaxResults(1).getResultList().isEmpty();
        if (nameTaken) {
            throw ScimProblem.uniqueness("userName '" + d.userName() + "' is already taken in this tenant");
        }
        if (d.externalId() != null) {
            boolean externalTaken = !em.createQuery("""
                            select u.id from DirectoryUser u where u.tenantId = :tenantId and u.externalId = :externalId and u.id <> :id""", Long.class)
                    .setParameter("tenantId", client.tenantId()).setParameter("externalId", d.externalId())
                    .setParameter("id", exceptId).setMaxResults(1).getResultList().isEmpty();
            if (externalTaken) {
                throw ScimProblem.uniqueness("externalId '" + d.externalId() + "' is already taken in this tenant");
            }
        }
    }

    /** Required fields and lengths; the display name falls back to "given family", then the userName. */
    static ScimUserData checked(ScimUserData d) {
        if (d == null) {
            throw ScimProblem.invalidSyntax("a User resource is required");
        }
        String userName = trimmed(d.userName());
        if (userName == null) {
            throw ScimProblem.invalidValue("userName is required");
        }
        String given = trimmed(d.givenName());
        String family = trimmed(d.familyName());
        String display = trimmed(d.displayName());
        if (display == null) {
            String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
            display = joined.isEmpty() ? userName : joined;
        }
        ScimUserData c = new ScimUserData(userName, trimmed(d.externalId()), display, given, family, trimmed(d.email()),
                d.active(), d.source(), roles(d.roles()));
        length("userName", c.userName(), MAX_NAME);
        length("externalId", c.externalId(), MAX_EXTERNAL_ID);
        length("displayName", c.displayName(), MAX_NAME);
        length("name.givenName", c.givenName(), MAX_NAME);
        length("name.familyName", c.familyName(), MAX_NAME);
        length("emails.value", c.email(), MAX_EMAIL);
        return c;
    }

    private static List<String> roles(List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> roles = new ArrayList<>(new LinkedHashSet<>(values.stream().map(ScimProvisioning::trimmed)
                .filter(Objects::nonNull).toList()));
        if (roles.size() > AppRoleFacade.MAX_ROLES) {
            throw ScimProblem.invalidValue("roles: at most " + AppRoleFacade.MAX_ROLES + " app roles per user");
        }
        for (String r : roles) {
            length("roles.value", r, AppRoleFacade.MAX_ROLE_LENGTH);
        }
        return roles;
    }

    // ---------------------------------------------------------------- groups

    public ScimGroupRecord createGroup(ScimClient client, ScimGroupData data) {
        ScimGroupData d = checked(data);
        if (d.externalId() != null) {
            requireUniqueGroup(client, d.externalId(), -1);
        }
        Set<Long> memberIds = members.requireUsers(client.tenantId(), d.memberIds());
        Instant now = clock.instant();
        SecurityGroup group = new SecurityGroup(client.tenantId(), d.externalId(), d.displayName(), DirectorySource.SCIM, now);
        em.persist(group);
        em.flush();
        members.add(client.tenantId(), group.getId(), memberIds);
        audit.recordAs(client.tenantId(), client.actor(), AuditTypes.GROUP_CREATED, AuditOutcome.SUCCESS, group.getDisplayName(),
                "provisioned over SCIM, id " + group.getId() + ", externalId " + group.getExternalId() + ", "
                        + memberIds.size() + " member(s)");
        return record(client, group, true);
    }

    public ScimGroupRecord group(ScimClient client, long id, boolean withMembers) {
        return record(client, findGroup(client, id, false), withMembers);
    }

    public ScimPage<ScimGroupRecord> groups(ScimClient client, ScimFilter filter, ScimSort sort, int startIndex, int count,
                                            boolean withMembers) {
        ScimPage<SecurityGroup> page = search.groups(client.tenantId(), filter, sort, startIndex, count);
        Map<Long, List<ScimMember>> all = withMembers && !page.resources().isEmpty()
                ? members.ofGroups(client.tenantId(), page.resources().stream().map(SecurityGroup::getId).toList())
                : Map.of();
        List<ScimGroupRecord> records = page.resources().stream().map(g -> new ScimGroupRecord(g.getId(), g.getVersion(),
                g.getDisplayName(), g.getExternalId(), withMembers ? all.getOrDefault(g.getId(), List.of()) : null,
                g.getCreatedAt(), g.getUpdatedAt())).toList();
        return new ScimPage<>(records, page.totalResults(), page.startIndex());
    }

    public ScimGroupRecord replaceGroup(ScimClient client, long id, ScimGroupData data, IfMatch ifMatch) {
        ScimGroupData d = checked(data);
        SecurityGroup group = findGroup(client, id, true);
        required(ifMatch, group.getVersion(), "Group " + id);
        List<GroupChange> changes = new ArrayList<>();
        changes.add(new GroupChange.Rename(d.displayName()));
        changes.add(new GroupChange.ChangeExternalId(d.externalId()));
        changes.add(new GroupChange.ReplaceMembers(d.memberIds()));
        apply(client, group, changes);
        return record(client, group, true);
    }

    /**
     * Applies a PATCH's changes in order under the group's row lock: parallel PATCHes to one group queue here
     * instead of overwriting each other. Returns the group (members only if asked for).
     */
    public ScimGroupRecord patchGroup(ScimClient client, long id, List<GroupChange> changes, boolean withMembers,
                                      IfMatch ifMatch) {
        SecurityGroup group = findGroup(client, id, true);
        required(ifMatch, group.getVersion(), "Group " + id);
        apply(client, group, changes);
        return record(client, group, withMembers);
    }

    public void deleteGroup(ScimClient client, long id, IfMatch ifMatch) {
        SecurityGroup group = findGroup(client, id, true);
        required(ifMatch, group.getVersion(), "Group " + id);
        int memberships = members.removeAll(client.tenantId(), group.getId());
        int bindings = em.createNativeQuery("DELETE FROM fax_line_group_binding WHERE security_group_id = ?")
                .setParameter(1, group.getId()).executeUpdate();
        epoch.changedInThisTransaction();
        em.remove(group);
        em.flush();
        audit.recordAs(client.tenantId(), client.actor(), AuditTypes.GROUP_DELETED, AuditOutcome.SUCCESS,
                group.getDisplayName(), "deleted over SCIM, id " + id + ", externalId " + group.getExternalId() + ", "
                        + memberships + " membership(s), " + bindings + " fax line binding(s)");
    }

    private void apply(ScimClient client, SecurityGroup group, List<GroupChange> changes) {
        long tenantId = client.tenantId();
        Instant now = clock.instant();
        Set<Long> added = new LinkedHashSet<>();
        int removed = 0;
        List<String> described = new ArrayList<>();
        for (GroupChange change : changes) {
            if (change instanceof GroupChange.Rename r) {
                String name = trimmed(r.displayName());
                if (name == null) {
                    throw ScimProblem.invalidValue("displayName is required");
                }
                length("displayName", name, MAX_NAME);
                if (!name.equals(group.getDisplayName())) {
                    described.add("displayName '" + group.getDisplayName() + "' → '" + name + "'");
                    group.rename(name, now);
                }
            } else if (change instanceof GroupChange.ChangeExternalId e) {
                // Optional: a group without one is known by our id alone (most non-Entra clients send none).
                String externalId = trimmed(e.externalId());
                length("externalId", externalId, MAX_EXTERNAL_ID);
                if (!Objects.equals(externalId, group.getExternalId())) {
                    if (externalId != null) {
                        requireUniqueGroup(client, externalId, group.getId());
                    }
                    described.add("externalId " + group.getExternalId() + " → " + externalId);
                    group.identify(externalId, now);
                }
            } else if (change instanceof GroupChange.AddMembers a) {
                added.addAll(members.add(tenantId, group.getId(), members.requireUsers(tenantId, a.userIds())));
            } else if (change instanceof GroupChange.RemoveMembers r) {
                removed += members.remove(tenantId, group.getId(), parsedIds(r.userIds()));
            } else if (change instanceof GroupChange.RemoveAllMembers) {
                removed += members.removeAll(tenantId, group.getId());
            } else if (change instanceof GroupChange.ReplaceMembers r) {
                // A replacement that only adds is a membership change like any other: audited, lastModified moves.
                GroupMembers.Replaced replaced = members.replace(tenantId, group.getId(), members.requireUsers(tenantId, r.userIds()));
                added.addAll(replaced.added());
                removed += replaced.removed();
            }
        }
        if (!added.isEmpty() || removed > 0) {
            group.touch(now);
        }
        em.flush();
        if (!described.isEmpty()) {
            audit.recordAs(tenantId, client.actor(), AuditTypes.GROUP_UPDATED, AuditOutcome.SUCCESS, group.getDisplayName(),
                    "changed over SCIM: " + String.join(", ", described));
        }
        if (!added.isEmpty() || removed > 0) {
            audit.recordAs(tenantId, client.actor(), AuditTypes.GROUP_MEMBERS_CHANGED, AuditOutcome.SUCCESS,
                    group.getDisplayName(), "over SCIM: " + added.size() + " added" + (added.isEmpty() ? "" : " (user ids "
                            + limited(added) + ")") + ", " + removed + " removed");
        }
    }

    /** Removing ids that are malformed or not members is a no-op (idempotent), and reveals nothing. */
    private static Set<Long> parsedIds(List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String v : values) {
            try {
                ids.add(Long.parseLong(v == null ? "" : v.strip()));
            } catch (NumberFormatException ignored) {
                // not one of ours: nothing to remove
            }
        }
        return ids;
    }

    private ScimGroupRecord record(ScimClient client, SecurityGroup g, boolean withMembers) {
        return new ScimGroupRecord(g.getId(), g.getVersion(), g.getDisplayName(), g.getExternalId(),
                withMembers ? members.of(client.tenantId(), g.getId()) : null, g.getCreatedAt(), g.getUpdatedAt());
    }

    private SecurityGroup findGroup(ScimClient client, long id, boolean lock) {
        var query = em.createNamedQuery(SecurityGroup.BY_ID, SecurityGroup.class).setParameter("tenantId", client.tenantId())
                .setParameter("id", id);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst().orElseThrow(() -> ScimProblem.notFound("Group " + id));
    }

    private void requireUniqueGroup(ScimClient client, String externalId, long exceptId) {
        boolean taken = !em.createQuery("""
                        select g.id from SecurityGroup g where g.tenantId = :tenantId and g.externalId = :externalId and g.id <> :id""", Long.class)
                .setParameter("tenantId", client.tenantId()).setParameter("externalId", externalId)
                .setParameter("id", exceptId).setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw ScimProblem.uniqueness("a group with externalId '" + externalId + "' already exists in this tenant");
        }
    }

    private static ScimGroupData checked(ScimGroupData d) {
        if (d == null) {
            throw ScimProblem.invalidSyntax("a Group resource is required");
        }
        String name = trimmed(d.displayName());
        if (name == null) {
            throw ScimProblem.invalidValue("displayName is required");
        }
        String externalId = trimmed(d.externalId());
        length("displayName", name, MAX_NAME);
        length("externalId", externalId, MAX_EXTERNAL_ID);
        return new ScimGroupData(name, externalId, d.memberIds() == null ? List.of() : d.memberIds());
    }

    // ---------------------------------------------------------------- shared

    private static String limited(Set<Long> ids) {
        List<String> shown = ids.stream().limit(20).map(String::valueOf).toList();
        return String.join(", ", shown) + (ids.size() > shown.size() ? ", … (" + ids.size() + " in all)" : "");
    }

    private static String trimmed(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ScimProblem.invalidValue(field + " is longer than " + max + " characters");
        }
    }
}
