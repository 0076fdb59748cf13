package io.faxgate.syncagent.testsupport;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.schema.Schema;
import io.faxgate.syncagent.ldap.ObjectGuid;
import io.faxgate.syncagent.ldap.ObjectSid;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small Active Directory look-alike on UnboundID's in-memory LDAP server: AD attribute types (binary objectGUID
 * and objectSid, userAccountControl, groupType, uSNChanged, ...), a user and a group class, and a USN counter
 * that this fixture bumps on every write (the in-memory server maintains neither uSNChanged nor memberOf).
 * It can also imitate AD's ranged retrieval of large {@code member} attributes.
 */
public final class ActiveDirectoryFixture implements AutoCloseable {

    public static final String BASE = "DC=corp,DC=example";
    public static final String USERS = "OU=Staff," + BASE;
    public static final String GROUPS = "OU=Groups," + BASE;
    public static final String BIND_DN = "CN=svc-faxgate,OU=Service," + BASE;
    public static final String BIND_PASSWORD = "Sync-Pa55word!";
    /** AD's global security group type (0x80000002) as the signed 32-bit value AD stores. */
    public static final String SECURITY_GLOBAL = "-2147483646";
    public static final String DOMAIN_SID = "S-1-5-21-1004336348-1177238915-682003330";

    private static final String[] SCHEMA = {
            "dn: cn=schema",
            "objectClass: top",
            "objectClass: ldapSubentry",
            "objectClass: subschema",
            "cn: schema",
            "attributeTypes: ( 1.2.840.113556.1.4.2 NAME 'objectGUID' SYNTAX 1.3.6.1.4.1.1466.115.121.1.40 SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.4.146 NAME 'objectSid' SYNTAX 1.3.6.1.4.1.1466.115.121.1.40 SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.4.221 NAME 'sAMAccountName' EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.4.656 NAME 'userPrincipalName' EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.2.102 NAME 'memberOf' EQUALITY distinguishedNameMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.12 )",
            "attributeTypes: ( 1.2.840.113556.1.4.750 NAME 'groupType' EQUALITY integerMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.4.8 NAME 'userAccountControl' EQUALITY integerMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.2.120 NAME 'uSNChanged' EQUALITY integerMatch ORDERING integerOrderingMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
            "objectClasses: ( 1.2.840.113556.1.5.9 NAME 'user' SUP organizationalPerson STRUCTURAL MAY ( objectGUID $ objectSid $ sAMAccountName $ userPrincipalName $ mail $ displayName $ givenName $ memberOf $ userAccountControl $ uSNChanged ) )",
            "objectClasses: ( 1.2.840.113556.1.5.8 NAME 'group' SUP top STRUCTURAL MUST cn MAY ( objectGUID $ objectSid $ sAMAccountName $ member $ memberOf $ groupType $ displayName $ description $ uSNChanged ) )",
    };

    private final InMemoryDirectoryServer server;
    private final AtomicLong usn = new AtomicLong(12000);
    private final AtomicInteger rid = new AtomicInteger(1100);
    private final AtomicInteger pagedSearches = new AtomicInteger();
    private final AtomicInteger entriesReturned = new AtomicInteger();
    private final Map<String, String> guidByDn = new ConcurrentHashMap<>();
    private volatile int maxValRange;

    public ActiveDirectoryFixture() throws Exception {
        this(null, null);
    }

    /**
     * With a key store, the server listens with LDAPS (see {@link #ldapsPort()}) and its plain LDAP listener offers
     * StartTLS, both with the key store's certificate.
     */
    public ActiveDirectoryFixture(java.nio.file.Path keyStore, String pin) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), new Schema(new Entry(SCHEMA))));
        config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
        if (keyStore == null) {
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        } else {
            com.unboundid.util.ssl.SSLUtil serverSsl = new com.unboundid.util.ssl.SSLUtil(
                    new com.unboundid.util.ssl.KeyStoreKeyManager(keyStore.toFile(), pin.toCharArray(), "PKCS12", null), null);
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0,
                            serverSsl.createSSLSocketFactory()),
                    InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                            serverSsl.createSSLServerSocketFactory(), null));
        }
        config.addInMemoryOperationInterceptor(new Interceptor());
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: corp");
        server.add("dn: " + USERS, "objectClass: top", "objectClass: organizationalUnit", "ou: Staff");
        server.add("dn: " + GROUPS, "objectClass: top", "objectClass: organizationalUnit", "ou: Groups");
        server.startListening();
    }

    public String url() {
        return "ldap://127.0.0.1:" + server.getListenPort("ldap");
    }

    public int ldapPort() {
        return server.getListenPort("ldap");
    }

    public int ldapsPort() {
        return server.getListenPort("ldaps");
    }

    public InMemoryDirectoryServer server() {
        return server;
    }

    /** Adds an enabled user {@code CN=<given> <sn>,OU=Staff}; returns its objectGUID (canonical). */
    public String addUser(String sam, String given, String sn) throws LDAPException {
        return addUser(sam, given, sn, USERS);
    }

    public String addUser(String sam, String given, String sn, String parentDn) throws LDAPException {
        String guid = UUID.randomUUID().toString();
        String dn = "CN=" + given + " " + sn + "," + parentDn;
        Entry e = new Entry(dn);
        e.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
        e.addAttribute("cn", given + " " + sn);
        e.addAttribute("sn", sn);
        e.addAttribute("givenName", given);
        e.addAttribute("displayName", given + " " + sn);
        e.addAttribute("sAMAccountName", sam);
        e.addAttribute("userPrincipalName", sam + "@corp.example");
        e.addAttribute("mail", given.toLowerCase(Locale.ROOT) + "." + sn.toLowerCase(Locale.ROOT) + "@corp.example");
        e.addAttribute("userAccountControl", "512");
        e.addAttribute(new Attribute("objectGUID", ObjectGuid.toBytes(guid)));
        e.addAttribute(new Attribute("objectSid", ObjectSid.toBytes(DOMAIN_SID + "-" + rid.incrementAndGet())));
        e.addAttribute("uSNChanged", Long.toString(usn.incrementAndGet()));
        server.add(e);
        guidByDn.put(dn, guid);
        return guid;
    }

    /** Adds a global security group under OU=Groups with the given member DNs; returns its objectGUID. */
    public String addGroup(String name, String... memberDns) throws LDAPException {
        String guid = UUID.randomUUID().toString();
        String dn = groupDn(name);
        Entry e = new Entry(dn);
        e.addAttribute("objectClass", "top", "group");
        e.addAttribute("cn", name);
        e.addAttribute("sAMAccountName", name);
        e.addAttribute("groupType", SECURITY_GLOBAL);
        e.addAttribute(new Attribute("objectGUID", ObjectGuid.toBytes(guid)));
        e.addAttribute(new Attribute("objectSid", ObjectSid.toBytes(DOMAIN_SID + "-" + rid.incrementAndGet())));
        if (memberDns.length > 0) {
            e.addAttribute("member", memberDns);
        }
        e.addAttribute("uSNChanged", Long.toString(usn.incrementAndGet()));
        server.add(e);
        guidByDn.put(dn, guid);
        return guid;
    }

    public static String userDn(String given, String sn) {
        return "CN=" + given + " " + sn + "," + USERS;
    }

    public static String groupDn(String name) {
        return "CN=" + name + "," + GROUPS;
    }

    /** Applies modifications and bumps uSNChanged like AD does. */
    public void modify(String dn, Modification... mods) throws LDAPException {
        List<Modification> all = new ArrayList<>(Arrays.asList(mods));
        all.add(new Modification(ModificationType.REPLACE, "uSNChanged", Long.toString(usn.incrementAndGet())));
        server.modify(dn, all);
    }

    public void disable(String dn) throws LDAPException {
        modify(dn, new Modification(ModificationType.REPLACE, "userAccountControl", "514"));
    }

    public void addMember(String groupDn, String memberDn) throws LDAPException {
        modify(groupDn, new Modification(ModificationType.ADD, "member", memberDn));
    }

    public void removeMember(String groupDn, String memberDn) throws LDAPException {
        modify(groupDn, new Modification(ModificationType.DELETE, "member", memberDn));
    }

    /** Deletes an entry. Like AD, the groups that listed it lose the member value (and get a new uSNChanged). */
    public void delete(String dn) throws LDAPException {
        for (Entry g : server.search(GROUPS, com.unboundid.ldap.sdk.SearchScope.SUB, "(member=" + dn + ")").getSearchEntries()) {
            removeMember(g.getDN(), dn);
        }
        server.delete(dn);
    }

    public String guidOf(String dn) {
        return guidByDn.get(dn);
    }

    public int pagedSearches() {
        return pagedSearches.get();
    }

    /** Search result entries sent by paged searches (the agent's user and group reads) since the last reset. */
    public int entriesReturned() {
        return entriesReturned.get();
    }

    public void resetCounters() {
        pagedSearches.set(0);
        entriesReturned.set(0);
    }

    /** Imitate AD's MaxValRange: at most this many member values per response (0 = off). */
    public void limitMemberValuesPerResponse(int max) {
        this.maxValRange = max;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private final class Interceptor extends InMemoryOperationInterceptor {

        @Override
        public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
            if (request.getRequest().hasControl(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                pagedSearches.incrementAndGet();
            }
        }

        @Override
        public void processSearchEntry(InMemoryInterceptedSearchEntry entry) {
            if (entry.getRequest().hasControl(SimplePagedResultsControl.PAGED_RESULTS_OID)) {
                entriesReturned.incrementAndGet();
            }
            int max = maxValRange;
            if (max <= 0) {
                return;
            }
            List<String> requested = entry.getRequest().getAttributeList();
            String ranged = requested.stream().filter(a -> a.toLowerCase(Locale.ROOT).startsWith("member;range=")).findFirst().orElse(null);
            boolean plain = requested.stream().anyMatch(a -> a.equalsIgnoreCase("member"));
            if (!plain && ranged == null) {
                return;
            }
            Entry stored;
            try {
                stored = server.getEntry(entry.getSearchEntry().getDN(), "member");
            } catch (LDAPException e) {
                return;
            }
            String[] all = stored == null ? null : stored.getAttributeValues("member");
            if (all == null || (plain && all.length <= max)) {
                return;
            }
            int from = ranged == null ? 0 : Integer.parseInt(ranged.substring("member;range=".length(), ranged.indexOf('-')));
            int to = Math.min(all.length, from + max) - 1;
            boolean last = to == all.length - 1;
            Entry copy = entry.getSearchEntry().duplicate();
            copy.removeAttribute("member");
            copy.addAttribute(new Attribute("member;range=" + from + "-" + (last ? "*" : Integer.toString(to)),
                    Arrays.copyOfRange(all, from, to + 1)));
            entry.setSearchEntry(copy);
        }
    }

    static String normalize(String dn) throws LDAPException {
        return DN.normalize(dn);
    }
}
