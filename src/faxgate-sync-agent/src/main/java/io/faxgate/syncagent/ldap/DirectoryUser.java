package io.faxgate.syncagent.ldap;

import io.faxgate.syncagent.model.UserProfile;

/**
 * A user account read from AD.
 *
 * @param objectGuid   canonical GUID text; becomes the SCIM externalId
 * @param dn           normalized DN, used to resolve group members
 * @param usnChanged   the entry's uSNChanged (0 when absent)
 */
public record DirectoryUser(String objectGuid, String dn, long usnChanged, UserProfile profile) {
}
