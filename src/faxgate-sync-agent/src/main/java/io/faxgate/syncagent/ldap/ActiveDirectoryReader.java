package io.faxgate.syncagent.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.faxgate.syncagent.config.ConfigurationException;
import io.faxgate.syncagent.config.DirectorySettings;
import io.faxgate.syncagent.model.UserProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Reads the users and security groups in scope. A full read returns everything the filters match; an
 * incremental read adds {@code (uSNChanged>=watermark+1)} to both filters. Groups always come with their complete
 * direct member list, so a changed group's removals are seen even by an incremental run.
 */
public final class ActiveDirectoryReader {

    private static final Logger LOG = Logger.getLogger(ActiveDirectoryReader.class.getName());

    static final String[] USER_ATTRIBUTES = {
            "objectGUID", "objectSid", "sAMAccountName", "userPrincipalName", "mail", "displayName",
            "givenName", "sn", "userAccountControl", "uSNChanged"};
    static final String[] GROUP_ATTRIBUTES = {"objectGUID", "cn", "displayName", "member", "uSNChanged"};

    private final LDAPConnection connection;
    private final DirectorySettings settings;

    public ActiveDirectoryReader(LDAPConnection connection, DirectorySettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    /**
     * @param changedAfter empty for a full read; otherwise only entries with uSNChanged above this value
     */
    public DirectorySnapshot read(OptionalLong changedAfter) {
        try {
            long committedBefore = highestCommittedUsn();
            PagedSearch search = new PagedSearch(connection, settings.pageSize());
            List<DirectoryUser> users = new ArrayList<>();
            long[] maxSeen = {changedAfter.orElse(0)};
            search.run(settings.users().baseDn(), filter(settings.users().filter(), changedAfter),
                    USER_ATTRIBUTES, entry -> {
                        DirectoryUser u = toUser(entry);
                        if (u != null) {
                            users.add(u);
                            maxSeen[0] = Math.max(maxSeen[0], u.usnChanged());
                        }
                    });
            List<DirectoryGroup> groups = new ArrayList<>();
            List<SearchResultEntry> groupEntries = new ArrayList<>();
            search.run(settings.groups().baseDn(), filter(settings.groups().filter(), changedAfter),
                    GROUP_ATTRIBUTES, groupEntries::add);
            for (SearchResultEntry entry : groupEntries) {
                DirectoryGroup g = toGroup(entry);
                if (g != null) {
                    groups.add(g);
                    maxSeen[0] = Math.max(maxSeen[0], g.usnChanged());
                }
            }
            // Prefer the DC's highestCommittedUSN read *before* searching: anything committed during the read has a
            // higher USN and is read again next time (harmless), never skipped.
            long watermark = committedBefore > 0 ? Math.max(committedBefore, changedAfter.orElse(0)) : maxSeen[0];
            LOG.info(() -> String.format("Read %d user(s) and %d group(s) from %s (%s, %d page(s), watermark USN %d)",
                    users.size(), groups.size(), settings.url(), changedAfter.isPresent()
                            ? "changed after USN " + changedAfter.getAsLong() : "full", search.pagesRead(), watermark));
            return new DirectorySnapshot(changedAfter.isEmpty(), users, groups, watermark, search.pagesRead());
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                throw new ConfigurationException("Search base does not exist in AD: " + DirectoryConnector.describe(e), e);
            }
            if (e.getResultCode() == ResultCode.FILTER_ERROR || e.getResultCode() == ResultCode.INAPPROPRIATE_MATCHING) {
                throw new ConfigurationException("The directory refused a search filter: " + DirectoryConnector.describe(e), e);
            }
            throw new DirectoryUnavailableException("Reading AD failed: " + DirectoryConnector.describe(e), e);
        }
    }

    private long highestCommittedUsn() throws LDAPException {
        RootDSE root = connection.getRootDSE();
        if (root == null) {
            return 0;
        }
        Long usn = root.getAttributeValueAsLong("highestCommittedUSN");
        return usn == null ? 0 : usn;
    }

    private static Filter filter(String configured, OptionalLong changedAfter) throws LDAPException {
        Filter base = Filter.create(configured);
        if (changedAfter.isEmpty()) {
            return base;
        }
        return Filter.createANDFilter(base,
                Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(changedAfter.getAsLong() + 1)));
    }

    private DirectoryUser toUser(SearchResultEntry e) {
        byte[] guid = e.getAttributeValueBytes("objectGUID");
        String upn = e.getAttributeValue("userPrincipalName");
        if (guid == null || guid.length != 16) {
            LOG.warning("Skipping user " + e.getDN() + ": no readable objectGUID");
            return null;
        }
        if (upn == null || upn.isBlank()) {
            LOG.warning("Skipping user " + e.getDN() + ": no userPrincipalName (Faxgate's userName)");
            return null;
        }
        byte[] sid = e.getAttributeValueBytes("objectSid");
        String given = e.getAttributeValue("givenName");
        String sn = e.getAttributeValue("sn");
        String display = e.getAttributeValue("displayName");
        if (display == null || display.isBlank()) {
            String joined = ((given == null ? "" : given) + " " + (sn == null ? "" : sn)).trim();
            display = joined.isEmpty() ? upn : joined;
        }
        String sidText = null;
        if (sid != null) {
            try {
                sidText = ObjectSid.toText(sid);
            } catch (IllegalArgumentException ex) {
                LOG.warning("User " + e.getDN() + ": unreadable objectSid ignored");
            }
        }
        UserProfile profile = new UserProfile(upn, display, given, sn, e.getAttributeValue("mail"),
                !UserAccountControl.isDisabled(e.getAttributeValue("userAccountControl")),
                e.getAttributeValue("sAMAccountName"), sidText);
        return new DirectoryUser(ObjectGuid.toCanonical(guid), GroupMemberList.normalize(e.getDN()), usn(e), profile);
    }

    private DirectoryGroup toGroup(SearchResultEntry e) throws LDAPException {
        byte[] guid = e.getAttributeValueBytes("objectGUID");
        if (guid == null || guid.length != 16) {
            LOG.warning("Skipping group " + e.getDN() + ": no readable objectGUID");
            return null;
        }
        String name = e.getAttributeValue("displayName");
        if (name == null || name.isBlank()) {
            name = e.getAttributeValue("cn");
        }
        return new DirectoryGroup(ObjectGuid.toCanonical(guid), GroupMemberList.normalize(e.getDN()), name,
                GroupMemberList.read(connection, e), usn(e));
    }

    private static long usn(SearchResultEntry e) {
        Long v = e.getAttributeValueAsLong("uSNChanged");
        return v == null ? 0 : v;
    }
}
