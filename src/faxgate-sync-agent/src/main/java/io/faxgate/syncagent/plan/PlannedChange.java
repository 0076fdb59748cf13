package io.faxgate.syncagent.plan;

import io.faxgate.syncagent.model.UserProfile;

import java.util.List;
import java.util.Set;

/**
 * One step of a {@link SyncPlan}. Steps that only refresh the local state (linking an existing Faxgate object,
 * remembering a new DN) change nothing in Faxgate and are not shown as changes.
 */
public sealed interface PlannedChange {

    /** One line for the printed plan. */
    String describe();

    /** False for steps that only update the local state. */
    default boolean changesFaxgate() {
        return true;
    }

    record CreateUser(String guid, String dn, UserProfile profile) implements PlannedChange {
        public String describe() {
            return "CREATE USER      " + profile.userName() + (profile.active() ? "" : " (inactive)") + "  [externalId " + guid + "]";
        }
    }

    /** @param changed SCIM attribute names that differ; {@code linked} when the user was found by externalId */
    record UpdateUser(String guid, String dn, String scimId, UserProfile profile, List<String> changed, boolean linked)
            implements PlannedChange {
        public String describe() {
            return "UPDATE USER      " + profile.userName() + "  (" + String.join(", ", changed) + ")"
                    + (linked ? " [existing Faxgate user linked by externalId]" : "");
        }
    }

    /** The Faxgate user already matches; only the local state learns its id, DN or scope. */
    record LinkUser(String guid, String dn, String scimId, UserProfile profile) implements PlannedChange {
        public String describe() {
            return "LINK USER        " + profile.userName() + " (already up to date in Faxgate)";
        }

        public boolean changesFaxgate() {
            return false;
        }
    }

    record DeactivateUser(String guid, String scimId, String userName) implements PlannedChange {
        public String describe() {
            return "DEACTIVATE USER  " + userName + " (no longer in the AD scope)";
        }
    }

    record CreateGroup(String guid, String dn, String name) implements PlannedChange {
        public String describe() {
            return "CREATE GROUP     " + name + "  [externalId " + guid + "]";
        }
    }

    record RenameGroup(String guid, String dn, String scimId, String oldName, String name) implements PlannedChange {
        public String describe() {
            return "RENAME GROUP     " + oldName + " -> " + name;
        }
    }

    /** Remember an existing Faxgate group (found by externalId, or known with a new DN) and its current members. */
    record LinkGroup(String guid, String dn, String scimId, String name, Set<String> memberGuids) implements PlannedChange {
        public String describe() {
            return "LINK GROUP       " + name;
        }

        public boolean changesFaxgate() {
            return false;
        }
    }

    /** @param userGuids objectGUIDs of the users to add; their SCIM ids are looked up when the step runs */
    record AddMembers(String groupGuid, String groupName, List<String> userGuids, List<String> userNames)
            implements PlannedChange {
        public String describe() {
            return "ADD MEMBERS      " + groupName + " <- " + String.join(", ", userNames);
        }
    }

    /** @param retireGroup the group left the AD scope: after emptying it, the state marks it out of scope */
    record RemoveMembers(String groupGuid, String groupName, List<Member> members, boolean retireGroup)
            implements PlannedChange {
        public String describe() {
            String who = members.isEmpty() ? "(none)" : String.join(", ", members.stream().map(Member::label).toList());
            return (retireGroup ? "EMPTY GROUP      " + groupName + " (no longer in the AD scope) -> removes " : "REMOVE MEMBERS   " + groupName + " -> ") + who;
        }

        public boolean changesFaxgate() {
            return !members.isEmpty();
        }
    }

    /**
     * A member to remove.
     *
     * @param guid null when Faxgate lists a member the agent does not know (not from this AD scope)
     */
    record Member(String scimId, String guid, String label) {
    }
}
