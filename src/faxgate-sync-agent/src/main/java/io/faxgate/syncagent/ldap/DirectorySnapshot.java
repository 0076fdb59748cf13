package io.faxgate.syncagent.ldap;

import java.util.List;

/**
 * What one run read from AD.
 *
 * @param complete  true for a full read (every user and group in scope); false for an incremental read, which
 *                  holds only entries whose uSNChanged is above the last watermark
 * @param watermark the highest USN this read covers; the next incremental run reads entries above it
 * @param pagesRead number of LDAP result pages fetched (for logs and tests)
 */
public record DirectorySnapshot(boolean complete, List<DirectoryUser> users, List<DirectoryGroup> groups,
                                long watermark, int pagesRead) {
}
