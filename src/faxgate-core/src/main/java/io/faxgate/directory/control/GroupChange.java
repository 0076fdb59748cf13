package io.faxgate.directory.control;

import java.io.Serializable;
import java.util.List;

/**
 * One change a SCIM PATCH makes to a group, after the web tier normalised both Entra dialects (capitalised or
 * lower-case ops, {@code members} with a value list or {@code members[value eq "id"]}, path-less replace).
 * Member changes touch only the named membership rows, so parallel PATCHes never overwrite each other.
 */
public sealed interface GroupChange extends Serializable {

    record Rename(String displayName) implements GroupChange {
    }

    record ChangeExternalId(String externalId) implements GroupChange {
    }

    record AddMembers(List<String> userIds) implements GroupChange {
    }

    record RemoveMembers(List<String> userIds) implements GroupChange {
    }

    record RemoveAllMembers() implements GroupChange {
    }

    record ReplaceMembers(List<String> userIds) implements GroupChange {
    }
}
