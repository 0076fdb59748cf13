package io.faxgate.syncagent.state;

import java.util.Set;
import java.util.TreeSet;

/**
 * What the agent last sent to Faxgate for one AD group (keyed by objectGUID in {@link SyncState}).
 *
 * @param members objectGUIDs of the users the agent made members in Faxgate
 * @param inScope false once the group vanished from the AD read and was emptied in Faxgate
 */
public record GroupRecord(String scimId, String dn, String displayName, Set<String> members, boolean inScope) {

    public GroupRecord {
        members = new TreeSet<>(members == null ? Set.of() : members);
    }
}
