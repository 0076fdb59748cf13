package io.faxgate.syncagent.plan;

import io.faxgate.syncagent.ldap.DirectoryGroup;
import io.faxgate.syncagent.ldap.DirectorySnapshot;
import io.faxgate.syncagent.ldap.DirectoryUser;
import io.faxgate.syncagent.plan.PlannedChange.AddMembers;
import io.faxgate.syncagent.plan.PlannedChange.CreateGroup;
import io.faxgate.syncagent.plan.PlannedChange.CreateUser;
import io.faxgate.syncagent.plan.PlannedChange.DeactivateUser;
import io.faxgate.syncagent.plan.PlannedChange.LinkGroup;
import io.faxgate.syncagent.plan.PlannedChange.LinkUser;
import io.faxgate.syncagent.plan.PlannedChange.Member;
import io.faxgate.syncagent.plan.PlannedChange.RemoveMembers;
import io.faxgate.syncagent.plan.PlannedChange.RenameGroup;
import io.faxgate.syncagent.plan.PlannedChange.UpdateUser;
import io.faxgate.syncagent.scim.FaxgateTenant;
import io.faxgate.syncagent.scim.FaxgateTenant.TenantGroup;
import io.faxgate.syncagent.scim.FaxgateTenant.TenantUser;
import io.faxgate.syncagent.state.GroupRecord;
import io.faxgate.syncagent.state.SyncState;
import io.faxgate.syncagent.state.UserRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares what AD says (a {@link DirectorySnapshot}) with what the agent last sent (the {@link SyncState}) and,
 * for objects the state does not know, with what Faxgate already has (lookups by externalId = objectGUID).
 * Read-only: it only performs SCIM GETs, so a dry run can use it safely.
 * <ul>
 *   <li>Users: create, update (any difference in the sent attributes, including active), or just link.</li>
 *   <li>Groups: create, rename, link; direct members only, resolved by DN against the users in scope;
 *       members are added and removed so Faxgate's list equals AD's.</li>
 *   <li>Complete reads only: users the state knows but AD no longer returns are deactivated (never deleted);
 *       groups AD no longer returns are emptied.</li>
 * </ul>
 */
public final class SyncPlanner {

    private final FaxgateTenant tenant;
    private final int maxDeactivations;

    /** @param maxDeactivations safety limit per run; 0 means no limit */
    public SyncPlanner(FaxgateTenant tenant, int maxDeactivations) {
        this.tenant = tenant;
        this.maxDeactivations = maxDeactivations;
    }

    public SyncPlan plan(DirectorySnapshot snapshot, SyncState state) {
        List<PlannedChange> userSteps = new ArrayList<>();
        List<PlannedChange> groupSteps = new ArrayList<>();
        List<PlannedChange> removals = new ArrayList<>();
        List<PlannedChange> additions = new ArrayList<>();
        List<PlannedChange> deactivations = new ArrayList<>();
        List<PlannedChange> retirements = new ArrayList<>();
        List<String> refusals = new ArrayList<>();

        Map<String, String> scimIdByGuid = new HashMap<>();
        Map<String, String> userNameByGuid = new HashMap<>();
        state.getUsers().forEach((guid, rec) -> {
            scimIdByGuid.put(guid, rec.scimId());
            userNameByGuid.put(guid, rec.profile().userName());
        });

        List<DirectoryUser> users = new ArrayList<>(snapshot.users());
        users.sort(Comparator.comparing(u -> u.profile().userName()));
        for (DirectoryUser u : users) {
            userNameByGuid.put(u.objectGuid(), u.profile().userName());
            UserRecord rec = state.getUsers().get(u.objectGuid());
            if (rec != null) {
                if (!rec.profile().equals(u.profile())) {
                    userSteps.add(new UpdateUser(u.objectGuid(), u.dn(), rec.scimId(), u.profile(),
                            u.profile().differencesFrom(rec.profile()), false));
                } else if (!rec.inScope() || !Objects.equals(rec.dn(), u.dn())) {
                    userSteps.add(new LinkUser(u.objectGuid(), u.dn(), rec.scimId(), u.profile()));
                }
                continue;
            }
            Optional<TenantUser> existing = tenant.findUser(u.objectGuid());
            if (existing.isPresent()) {
                TenantUser t = existing.get();
                scimIdByGuid.put(u.objectGuid(), t.id());
                if (u.profile().equals(t.profile())) {
                    userSteps.add(new LinkUser(u.objectGuid(), u.dn(), t.id(), u.profile()));
                } else {
                    userSteps.add(new UpdateUser(u.objectGuid(), u.dn(), t.id(), u.profile(),
                            u.profile().differencesFrom(t.profile()), true));
                }
            } else {
                userSteps.add(new CreateUser(u.objectGuid(), u.dn(), u.profile()));
            }
        }

        Map<String, String> guidByDn = usersByDn(snapshot, state);
        Map<String, String> guidByScimId = new HashMap<>();
        scimIdByGuid.forEach((guid, id) -> guidByScimId.put(id, guid));

        List<DirectoryGroup> groups = new ArrayList<>(snapshot.groups());
        groups.sort(Comparator.comparing(DirectoryGroup::displayName, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (DirectoryGroup g : groups) {
            Set<String> desired = g.memberDns().stream().map(guidByDn::get).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> current = new TreeSet<>();
            List<Member> foreign = new ArrayList<>();
            GroupRecord rec = state.getGroups().get(g.objectGuid());
            if (rec != null) {
                if (!Objects.equals(rec.displayName(), g.displayName())) {
                    groupSteps.add(new RenameGroup(g.objectGuid(), g.dn(), rec.scimId(), rec.displayName(), g.displayName()));
                } else if (!rec.inScope() || !Objects.equals(rec.dn(), g.dn())) {
                    groupSteps.add(new LinkGroup(g.objectGuid(), g.dn(), rec.scimId(), g.displayName(), rec.members()));
                }
                current.addAll(rec.members());
            } else {
                Optional<TenantGroup> existing = tenant.findGroup(g.objectGuid());
                if (existing.isPresent()) {
                    TenantGroup t = existing.get();
                    Set<String> known = new LinkedHashSet<>();
                    for (String memberId : t.memberIds()) {
                        String guid = guidByScimId.get(memberId);
                        if (guid != null) {
                            known.add(guid);
                        } else {
                            foreign.add(new Member(memberId, null, "Faxgate id " + memberId));
                        }
                    }
                    current.addAll(known);
                    groupSteps.add(new LinkGroup(g.objectGuid(), g.dn(), t.id(), g.displayName(), known));
                    if (!Objects.equals(t.displayName(), g.displayName())) {
                        groupSteps.add(new RenameGroup(g.objectGuid(), g.dn(), t.id(), t.displayName(), g.displayName()));
                    }
                } else {
                    groupSteps.add(new CreateGroup(g.objectGuid(), g.dn(), g.displayName()));
                }
            }
            List<Member> toRemove = new ArrayList<>();
            for (String guid : current) {
                if (!desired.contains(guid) && scimIdByGuid.containsKey(guid)) {
                    toRemove.add(new Member(scimIdByGuid.get(guid), guid, userNameByGuid.getOrDefault(guid, guid)));
                }
            }
            toRemove.addAll(foreign);
            if (!toRemove.isEmpty()) {
                removals.add(new RemoveMembers(g.objectGuid(), g.displayName(), toRemove, false));
            }
            List<String> toAdd = desired.stream().filter(guid -> !current.contains(guid))
                    .sorted(Comparator.comparing(guid -> userNameByGuid.getOrDefault(guid, guid))).toList();
            if (!toAdd.isEmpty()) {
                additions.add(new AddMembers(g.objectGuid(), g.displayName(), toAdd,
                        toAdd.stream().map(guid -> userNameByGuid.getOrDefault(guid, guid)).toList()));
            }
        }

        if (snapshot.complete()) {
            Set<String> seenUsers = snapshot.users().stream().map(DirectoryUser::objectGuid).collect(Collectors.toSet());
            state.getUsers().forEach((guid, rec) -> {
                if (rec.inScope() && !seenUsers.contains(guid)) {
                    deactivations.add(new DeactivateUser(guid, rec.scimId(), rec.profile().userName()));
                }
            });
            Set<String> seenGroups = snapshot.groups().stream().map(DirectoryGroup::objectGuid).collect(Collectors.toSet());
            state.getGroups().forEach((guid, rec) -> {
                if (rec.inScope() && !seenGroups.contains(guid)) {
                    List<Member> all = rec.members().stream().filter(scimIdByGuid::containsKey)
                            .map(m -> new Member(scimIdByGuid.get(m), m, userNameByGuid.getOrDefault(m, m))).toList();
                    retirements.add(new RemoveMembers(guid, rec.displayName(), all, true));
                }
            });
            if (maxDeactivations > 0 && deactivations.size() > maxDeactivations) {
                refusals.add(deactivations.size() + " users would be deactivated, more than sync.maxDeactivations="
                        + maxDeactivations + ". Check users.baseDn/users.filter; if this is intended, raise the limit"
                        + " for one run. No user was deactivated.");
                deactivations.clear();
            }
        }

        List<PlannedChange> all = new ArrayList<>(userSteps);
        all.addAll(groupSteps);
        all.addAll(removals);
        all.addAll(additions);
        all.addAll(deactivations);
        all.addAll(retirements);
        return new SyncPlan(snapshot.complete(), all, refusals);
    }

    /**
     * DN to objectGUID for every user in scope. A complete read knows them all; an incremental read knows only the
     * changed users, so the rest come from the state (users still in scope, with their last seen DN).
     */
    private static Map<String, String> usersByDn(DirectorySnapshot snapshot, SyncState state) {
        Map<String, String> byDn = new HashMap<>();
        if (!snapshot.complete()) {
            Set<String> changed = new HashSet<>();
            snapshot.users().forEach(u -> changed.add(u.objectGuid()));
            state.getUsers().forEach((guid, rec) -> {
                if (rec.inScope() && rec.dn() != null && !changed.contains(guid)) {
                    byDn.put(rec.dn(), guid);
                }
            });
        }
        snapshot.users().forEach(u -> byDn.put(u.dn(), u.objectGuid()));
        return byDn;
    }
}
