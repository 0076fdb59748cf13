package io.faxgate.syncagent.plan;

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
import io.faxgate.syncagent.scim.FaxgateRequestException;
import io.faxgate.syncagent.scim.FaxgateTenant;
import io.faxgate.syncagent.state.GroupRecord;
import io.faxgate.syncagent.state.SyncState;
import io.faxgate.syncagent.state.UserRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Carries out a {@link SyncPlan} against Faxgate and records every success in the {@link SyncState} at once, so
 * that a run cut short still remembers what it did. A refused request is logged and counted and the run goes on;
 * steps that depend on it (e.g. adding a user whose creation failed) fail too. A
 * {@link io.faxgate.syncagent.scim.FaxgateUnavailableException} stops the run.
 */
public final class PlanExecutor {

    private static final Logger LOG = Logger.getLogger(PlanExecutor.class.getName());

    private final FaxgateTenant tenant;
    private final SyncState state;

    public PlanExecutor(FaxgateTenant tenant, SyncState state) {
        this.tenant = tenant;
        this.state = state;
    }

    public SyncReport execute(SyncPlan plan) {
        SyncReport report = new SyncReport();
        plan.refusals().forEach(r -> {
            LOG.severe(r);
            report.failed(r);
        });
        for (PlannedChange change : plan.changes()) {
            try {
                apply(change, report);
                if (change.changesFaxgate()) {
                    LOG.info(change.describe());
                }
            } catch (FaxgateRequestException e) {
                LOG.warning("FAILED " + change.describe().trim() + ": " + e.getMessage());
                report.failed(change.describe().trim() + ": " + e.getMessage());
            }
        }
        return report;
    }

    private void apply(PlannedChange change, SyncReport report) {
        // Java 17: no pattern matching for switch yet, so an instanceof chain over the sealed interface.
        if (change instanceof CreateUser c) {
            String id = tenant.createUser(c.guid(), c.profile());
            state.getUsers().put(c.guid(), new UserRecord(id, c.dn(), c.profile(), true));
            report.userCreated();
        } else if (change instanceof UpdateUser u) {
            tenant.replaceUser(u.scimId(), u.guid(), u.profile());
            state.getUsers().put(u.guid(), new UserRecord(u.scimId(), u.dn(), u.profile(), true));
            report.userUpdated();
        } else if (change instanceof LinkUser l) {
            state.getUsers().put(l.guid(), new UserRecord(l.scimId(), l.dn(), l.profile(), true));
        } else if (change instanceof DeactivateUser d) {
            tenant.deactivateUser(d.scimId());
            UserRecord old = state.getUsers().get(d.guid());
            state.getUsers().put(d.guid(), new UserRecord(d.scimId(), old.dn(), old.profile().withActive(false), false));
            report.userDeactivated();
        } else if (change instanceof CreateGroup c) {
            String id = tenant.createGroup(c.guid(), c.name());
            state.getGroups().put(c.guid(), new GroupRecord(id, c.dn(), c.name(), Set.of(), true));
            report.groupCreated();
        } else if (change instanceof RenameGroup r) {
            tenant.renameGroup(r.scimId(), r.name());
            GroupRecord old = state.getGroups().get(r.guid());
            Set<String> members = old == null ? Set.of() : old.members();
            state.getGroups().put(r.guid(), new GroupRecord(r.scimId(), r.dn(), r.name(), members, true));
            report.groupRenamed();
        } else if (change instanceof LinkGroup l) {
            state.getGroups().put(l.guid(), new GroupRecord(l.scimId(), l.dn(), l.name(), l.memberGuids(), true));
        } else if (change instanceof AddMembers a) {
            addMembers(a, report);
        } else if (change instanceof RemoveMembers r) {
            removeMembers(r, report);
        } else {
            throw new IllegalStateException("unknown step " + change);
        }
    }

    private void addMembers(AddMembers a, SyncReport report) {
        GroupRecord group = state.getGroups().get(a.groupGuid());
        if (group == null) {
            throw new FaxgateRequestException("group " + a.groupName() + " does not exist in Faxgate (its creation failed)", 0, null);
        }
        List<String> ids = new ArrayList<>();
        List<String> guids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < a.userGuids().size(); i++) {
            UserRecord user = state.getUsers().get(a.userGuids().get(i));
            if (user == null) {
                missing.add(a.userNames().get(i));
            } else {
                ids.add(user.scimId());
                guids.add(a.userGuids().get(i));
            }
        }
        if (!ids.isEmpty()) {
            tenant.addMembers(group.scimId(), ids);
            Set<String> members = new TreeSet<>(group.members());
            members.addAll(guids);
            state.getGroups().put(a.groupGuid(), new GroupRecord(group.scimId(), group.dn(), group.displayName(), members, true));
            report.membersAdded(ids.size());
        }
        if (!missing.isEmpty()) {
            throw new FaxgateRequestException("not added to " + a.groupName() + " because the user(s) could not be"
                    + " created: " + String.join(", ", missing), 0, null);
        }
    }

    private void removeMembers(RemoveMembers r, SyncReport report) {
        GroupRecord group = state.getGroups().get(r.groupGuid());
        if (group == null) {
            throw new FaxgateRequestException("group " + r.groupName() + " is not known", 0, null);
        }
        if (!r.members().isEmpty()) {
            tenant.removeMembers(group.scimId(), r.members().stream().map(Member::scimId).toList());
            report.membersRemoved(r.members().size());
        }
        Set<String> members = new TreeSet<>(group.members());
        r.members().forEach(m -> {
            if (m.guid() != null) {
                members.remove(m.guid());
            }
        });
        state.getGroups().put(r.groupGuid(), new GroupRecord(group.scimId(), group.dn(), group.displayName(), members,
                !r.retireGroup()));
    }
}
