package io.faxgate.syncagent.state;

import io.faxgate.syncagent.model.UserProfile;

/**
 * What the agent last sent to Faxgate for one AD user (keyed by objectGUID in {@link SyncState}).
 *
 * @param scimId  the id Faxgate gave the user
 * @param dn      the user's normalized DN at the last read, to resolve group members in incremental runs
 * @param profile the values last sent
 * @param inScope false once the user vanished from the AD read and was deactivated
 */
public record UserRecord(String scimId, String dn, UserProfile profile, boolean inScope) {
}
