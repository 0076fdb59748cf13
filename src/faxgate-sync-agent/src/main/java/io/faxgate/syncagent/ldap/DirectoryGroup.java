package io.faxgate.syncagent.ldap;

import java.util.Set;

/**
 * A group read from AD with its complete list of direct members.
 *
 * @param memberDns normalized DNs from the group's {@code member} attribute (all ranges read)
 */
public record DirectoryGroup(String objectGuid, String dn, String displayName, Set<String> memberDns, long usnChanged) {
}
