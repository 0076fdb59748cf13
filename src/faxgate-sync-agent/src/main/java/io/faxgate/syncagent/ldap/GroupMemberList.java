package io.faxgate.syncagent.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads all values of a group's {@code member} attribute. AD returns at most MaxValRange (1500) values per
 * request; beyond that it answers {@code member;range=0-1499} and the rest must be fetched with
 * {@code member;range=1500-*} requests on the group until a range ending in {@code *} arrives.
 */
final class GroupMemberList {

    private static final int MAX_ROUNDS = 100_000;

    private GroupMemberList() {
    }

    static Set<String> read(LDAPConnection connection, SearchResultEntry group) throws LDAPException {
        Set<String> members = new LinkedHashSet<>();
        Attribute plain = group.getAttribute("member");
        if (plain != null) {
            add(members, plain);
        }
        Attribute ranged = rangedMemberAttribute(group);
        int rounds = 0;
        while (ranged != null) {
            add(members, ranged);
            String range = rangeOption(ranged);
            String upper = range.substring(range.indexOf('-') + 1);
            if (upper.equals("*") || ++rounds > MAX_ROUNDS) {
                break;
            }
            long next = Long.parseLong(upper) + 1;
            SearchResultEntry more = connection.getEntry(group.getDN(), "member;range=" + next + "-*");
            ranged = more == null ? null : rangedMemberAttribute(more);
        }
        return members;
    }

    private static Attribute rangedMemberAttribute(SearchResultEntry entry) {
        for (Attribute a : entry.getAttributes()) {
            if (a.getBaseName().equalsIgnoreCase("member") && rangeOption(a) != null) {
                return a;
            }
        }
        return null;
    }

    private static String rangeOption(Attribute a) {
        for (String option : a.getOptions()) {
            if (option.toLowerCase(Locale.ROOT).startsWith("range=")) {
                return option.substring("range=".length());
            }
        }
        return null;
    }

    private static void add(Set<String> members, Attribute a) {
        for (String value : a.getValues()) {
            members.add(normalize(value));
        }
    }

    static String normalize(String dn) {
        try {
            return DN.normalize(dn);
        } catch (LDAPException e) {
            return dn.trim().toLowerCase(Locale.ROOT);
        }
    }
}
