package io.faxgate.directory.boundary;

import io.faxgate.directory.control.DirectoryUsers;
import io.faxgate.directory.control.GroupChange;
import io.faxgate.directory.control.GroupMembers;
import io.faxgate.directory.control.IfMatch;
import io.faxgate.directory.control.ProvisionedGroups;
import io.faxgate.directory.control.ProvisionedUsers;
import io.faxgate.directory.control.ScimFilter;
import io.faxgate.directory.control.ScimGroupData;
import io.faxgate.directory.control.ScimInput;
import io.faxgate.directory.control.ScimMember;
import io.faxgate.directory.control.ScimPage;
import io.faxgate.directory.control.ScimProblem;
import io.faxgate.directory.control.ScimSearch;
import io.faxgate.directory.control.ScimSort;
import io.faxgate.directory.control.ScimTokens;
import io.faxgate.directory.control.ScimUserData;
import io.faxgate.directory.control.SecurityGroups;
import io.faxgate.directory.control.UserAppRoles;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.ScimToken;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.platform.control.PublicBaseUrl;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Directory provisioning over SCIM 2.0 (Entra ID, the AD sync agent, other clients). The tenant comes from the
 * bearer token ({@link #authenticate}), never from a container caller, hence {@code @PermitAll}: every other method
 * takes the {@link ScimClient} that authentication returned and touches that tenant only. The work is done in
 * directory/control: input rules ({@link ScimInput}), users ({@link ProvisionedUsers}), groups
 * ({@link ProvisionedGroups}), queries ({@link ScimSearch}); each change is audited as {@code scim:<token prefix>}
 * in the same transaction.
 *
 * <p>Deactivation ({@code active=false}) is a soft delete: the user stays readable here, and since the change goes
 * through JPA the access epoch moves, so open sessions lose all access on their next request. DELETE removes the
 * user; the access component removes their grants, app roles and web staff password in the same transaction.
 */
@Stateless
@PermitAll
public class ScimProvisioning {

    @Inject
    Tenants tenants;

    @Inject
    ScimTokens tokens;

    @Inject
    ScimSearch search;

    @Inject
    DirectoryUsers directoryUsers;

    @Inject
    SecurityGroups securityGroups;

    @Inject
    GroupMembers members;

    @Inject
    ProvisionedUsers users;

    @Inject
    ProvisionedGroups groups;

    @Inject
    UserAppRoles appRoles;

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
        return record(client, users.create(client.tenantId(), client.actor(), ScimInput.checked(data)));
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
        users.change(client.tenantId(), client.actor(), user, ScimInput.checked(data));
        return record(client, user);
    }

    /**
     * Applies a PATCH: {@code patch} gets the user as stored and returns the user as it should be. The user's row
     * is locked meanwhile, so two PATCHes of one user never overwrite each other.
     */
    public ScimUserRecord patchUser(ScimClient client, long id, Function<ScimUserRecord, ScimUserData> patch, IfMatch ifMatch) {
        DirectoryUser user = findUser(client, id, true);
        required(ifMatch, user.getVersion(), "User " + id);
        ScimUserData patched = patch.apply(record(client, user));
        users.change(client.tenantId(), client.actor(), user, ScimInput.checked(patched));
        return record(client, user);
    }

    public void deleteUser(ScimClient client, long id, IfMatch ifMatch) {
        DirectoryUser user = findUser(client, id, true);
        required(ifMatch, user.getVersion(), "User " + id);
        users.delete(client.tenantId(), client.actor(), user);
    }

    private ScimUserRecord record(ScimClient client, DirectoryUser user) {
        return ScimUserRecord.of(user, appRoles.of(client.tenantId(), user.getId()));
    }

    private DirectoryUser findUser(ScimClient client, long id, boolean lock) {
        return directoryUsers.find(client.tenantId(), id, lock).orElseThrow(() -> ScimProblem.notFound("User " + id));
    }

    // ---------------------------------------------------------------- groups

    public ScimGroupRecord createGroup(ScimClient client, ScimGroupData data) {
        return record(client, groups.create(client.tenantId(), client.actor(), data), true);
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
        List<GroupChange> changes = ProvisionedGroups.replacement(data);
        SecurityGroup group = findGroup(client, id, true);
        required(ifMatch, group.getVersion(), "Group " + id);
        groups.apply(client.tenantId(), client.actor(), group, changes);
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
        groups.apply(client.tenantId(), client.actor(), group, changes);
        return record(client, group, withMembers);
    }

    public void deleteGroup(ScimClient client, long id, IfMatch ifMatch) {
        SecurityGroup group = findGroup(client, id, true);
        required(ifMatch, group.getVersion(), "Group " + id);
        groups.delete(client.tenantId(), client.actor(), group);
    }

    private ScimGroupRecord record(ScimClient client, SecurityGroup g, boolean withMembers) {
        return new ScimGroupRecord(g.getId(), g.getVersion(), g.getDisplayName(), g.getExternalId(),
                withMembers ? members.of(client.tenantId(), g.getId()) : null, g.getCreatedAt(), g.getUpdatedAt());
    }

    private SecurityGroup findGroup(ScimClient client, long id, boolean lock) {
        return securityGroups.find(client.tenantId(), id, lock).orElseThrow(() -> ScimProblem.notFound("Group " + id));
    }

    private static void required(IfMatch ifMatch, long version, String what) {
        if (ifMatch != null) {
            ifMatch.require(version, what);
        }
    }
}
