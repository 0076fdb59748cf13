package io.faxgate.directory.control;

import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.SecurityGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Groups as a provisioning client (SCIM) creates, changes and deletes them, audited as the client ({@code actor})
 * in the same transaction. Member changes are {@link GroupMembers} rows written under the group's row lock.
 */
@ApplicationScoped
public class ProvisionedGroups {

    @Inject
    SecurityGroups groups;

    @Inject
    GroupMembers members;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public SecurityGroup create(long tenantId, String actor, ScimGroupData data) {
        ScimGroupData d = ScimInput.checked(data);
        if (d.externalId() != null) {
            requireUnique(tenantId, d.externalId(), -1);
        }
        Set<Long> memberIds = members.requireUsers(tenantId, d.memberIds());
        Instant now = clock.instant();
        SecurityGroup group = new SecurityGroup(tenantId, d.externalId(), d.displayName(), DirectorySource.SCIM, now);
        groups.add(group);
        members.add(tenantId, group.getId(), memberIds);
        audit.recordAs(tenantId, actor, AuditTypes.GROUP_CREATED, AuditOutcome.SUCCESS, group.getDisplayName(),
                "provisioned over SCIM, id " + group.getId() + ", externalId " + group.getExternalId() + ", "
                        + memberIds.size() + " member(s)");
        return group;
    }

    /** The changes of a PUT: name, externalId and the full member list. */
    public static List<GroupChange> replacement(ScimGroupData data) {
        ScimGroupData d = ScimInput.checked(data);
        return List.of(new GroupChange.Rename(d.displayName()), new GroupChange.ChangeExternalId(d.externalId()),
                new GroupChange.ReplaceMembers(d.memberIds()));
    }

    /** Applies the changes in order; the caller holds the group's row lock. */
    public void apply(long tenantId, String actor, SecurityGroup group, List<GroupChange> changes) {
        Instant now = clock.instant();
        Set<Long> added = new LinkedHashSet<>();
        int removed = 0;
        List<String> described = new ArrayList<>();
        for (GroupChange change : changes) {
            if (change instanceof GroupChange.Rename r) {
                String name = ScimInput.displayName(r.displayName());
                if (!name.equals(group.getDisplayName())) {
                    described.add("displayName '" + group.getDisplayName() + "' → '" + name + "'");
                    group.rename(name, now);
                }
            } else if (change instanceof GroupChange.ChangeExternalId e) {
                // Optional: a group without one is known by our id alone (most non-Entra clients send none).
                String externalId = ScimInput.externalId(e.externalId());
                if (!Objects.equals(externalId, group.getExternalId())) {
                    if (externalId != null) {
                        requireUnique(tenantId, externalId, group.getId());
                    }
                    described.add("externalId " + group.getExternalId() + " → " + externalId);
                    group.identify(externalId, now);
                }
            } else if (change instanceof GroupChange.AddMembers a) {
                added.addAll(members.add(tenantId, group.getId(), members.requireUsers(tenantId, a.userIds())));
            } else if (change instanceof GroupChange.RemoveMembers r) {
                removed += members.remove(tenantId, group.getId(), ScimInput.memberIdsToRemove(r.userIds()));
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
        groups.flush();
        if (!described.isEmpty()) {
            audit.recordAs(tenantId, actor, AuditTypes.GROUP_UPDATED, AuditOutcome.SUCCESS, group.getDisplayName(),
                    "changed over SCIM: " + String.join(", ", described));
        }
        if (!added.isEmpty() || removed > 0) {
            audit.recordAs(tenantId, actor, AuditTypes.GROUP_MEMBERS_CHANGED, AuditOutcome.SUCCESS,
                    group.getDisplayName(), "over SCIM: " + added.size() + " added" + (added.isEmpty() ? "" : " (user ids "
                            + limited(added) + ")") + ", " + removed + " removed");
        }
    }

    /** Deletes the group; the other components drop their rows about it first ({@link SecurityGroupRemoved}). */
    public void delete(long tenantId, String actor, SecurityGroup group) {
        SecurityGroups.Removal removal = groups.remove(group);
        StringBuilder detail = new StringBuilder("deleted over SCIM, id " + group.getId() + ", externalId "
                + group.getExternalId() + ", " + removal.memberships() + " membership(s)");
        removal.released().forEach(r -> detail.append(", ").append(r));
        audit.recordAs(tenantId, actor, AuditTypes.GROUP_DELETED, AuditOutcome.SUCCESS, group.getDisplayName(),
                detail.toString());
    }

    private void requireUnique(long tenantId, String externalId, long exceptId) {
        if (groups.externalIdTaken(tenantId, externalId, exceptId)) {
            throw ScimProblem.uniqueness("a group with externalId '" + externalId + "' already exists in this tenant");
        }
    }

    private static String limited(Set<Long> ids) {
        List<String> shown = ids.stream().limit(20).map(String::valueOf).toList();
        return String.join(", ", shown) + (ids.size() > shown.size() ? ", … (" + ids.size() + " in all)" : "");
    }
}
