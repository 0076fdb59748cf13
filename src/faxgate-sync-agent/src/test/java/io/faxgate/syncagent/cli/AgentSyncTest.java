package io.faxgate.syncagent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.faxgate.syncagent.config.AgentConfigFile;
import io.faxgate.syncagent.scim.Pause;
import io.faxgate.syncagent.scim.ScimDocuments;
import io.faxgate.syncagent.scim.ScimTenantClient;
import io.faxgate.syncagent.testsupport.ActiveDirectoryFixture;
import io.faxgate.syncagent.testsupport.FakeFaxgateScim;
import io.faxgate.syncagent.testsupport.FakeFaxgateScim.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.faxgate.syncagent.testsupport.ActiveDirectoryFixture.groupDn;
import static io.faxgate.syncagent.testsupport.ActiveDirectoryFixture.userDn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent end to end, as a customer runs it (command line, configuration file, state file), against a real LDAP
 * server with an AD-like schema and an in-process SCIM server that records every request.
 */
class AgentSyncTest {

    @TempDir
    Path dir;

    private ActiveDirectoryFixture ad;
    private FakeFaxgateScim faxgate;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> extraConfig = new ArrayList<>();
    private String out;
    private String err;

    private String alice;
    private String bob;
    private String carol;
    private String dave;
    private String erin;
    private String frank;
    private String faxUsers;
    private String faxAdmins;

    @BeforeEach
    void setUp() throws Exception {
        ad = new ActiveDirectoryFixture();
        faxgate = new FakeFaxgateScim();
        env.put(AgentConfigFile.ENV_LDAP_BIND_PASSWORD, ActiveDirectoryFixture.BIND_PASSWORD);
        env.put(AgentConfigFile.ENV_SCIM_TOKEN, FakeFaxgateScim.TOKEN);

        alice = ad.addUser("aarcher", "Alice", "Archer");
        bob = ad.addUser("bbaker", "Bob", "Baker");
        carol = ad.addUser("ccooper", "Carol", "Cooper");
        ad.disable(userDn("Carol", "Cooper"));
        dave = ad.addUser("ddiaz", "Dave", "Diaz");
        erin = ad.addUser("eevans", "Erin", "Evans");
        frank = ad.addUser("ffisher", "Frank", "Fisher");
        faxUsers = ad.addGroup("Fax Users", userDn("Alice", "Archer"), userDn("Bob", "Baker"),
                userDn("Carol", "Cooper"), userDn("Dave", "Diaz"),
                "CN=Outsider,OU=Contractors," + ActiveDirectoryFixture.BASE);
        faxAdmins = ad.addGroup("Fax Admins", userDn("Alice", "Archer"));
    }

    @AfterEach
    void tearDown() {
        faxgate.close();
        ad.close();
    }

    private int agent(String... args) throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "faxgate.baseUrl=" + faxgate.baseUrl(),
                "faxgate.tenant=" + FakeFaxgateScim.TENANT,
                "faxgate.maxRetries=3",
                "ldap.url=" + ad.url(),
                "ldap.bindDn=" + ActiveDirectoryFixture.BIND_DN,
                "ldap.pageSize=2",
                "users.baseDn=" + ActiveDirectoryFixture.USERS,
                "users.filter=(objectClass=user)",
                "groups.baseDn=" + ActiveDirectoryFixture.GROUPS,
                // the in-memory server refuses AD's bit-and matching rule, so match the exact groupType here
                "groups.filter=(&(objectClass=group)(groupType=" + ActiveDirectoryFixture.SECURITY_GLOBAL + "))",
                "state.file=state.json"));
        lines.addAll(extraConfig);
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, String.join("\n", lines) + "\n");
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = SyncAgentCommand.execute(all.toArray(String[]::new), env, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), s -> new ScimTenantClient(s, Pause.REAL), 2);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private ObjectNode user(String guid) {
        return faxgate.userByExternalId(guid);
    }

    private String idOf(String guid) {
        return user(guid).path("id").asText();
    }

    @Test
    void initialFullSyncCreatesUsersGroupsAndMemberships() throws Exception {
        assertThat(agent()).isEqualTo(ExitCode.OK);

        assertThat(faxgate.users()).hasSize(6);
        ObjectNode a = user(alice);
        assertThat(a.path("userName").asText()).isEqualTo("aarcher@corp.example");
        assertThat(a.path("displayName").asText()).isEqualTo("Alice Archer");
        assertThat(a.path("name").path("givenName").asText()).isEqualTo("Alice");
        assertThat(a.path("name").path("familyName").asText()).isEqualTo("Archer");
        assertThat(a.path("emails").get(0).path("value").asText()).isEqualTo("alice.archer@corp.example");
        assertThat(a.path("active").asBoolean()).isTrue();
        assertThat(a.path(ScimDocuments.AD_EXTENSION).path("sAMAccountName").asText()).isEqualTo("aarcher");
        assertThat(a.path(ScimDocuments.AD_EXTENSION).path("objectSid").asText()).startsWith(ActiveDirectoryFixture.DOMAIN_SID + "-");
        assertThat(alice).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        assertThat(user(carol).path("active").asBoolean()).as("disabled in AD").isFalse();

        assertThat(faxgate.groups()).hasSize(2);
        assertThat(faxgate.memberNames(faxUsers)).containsExactlyInAnyOrder(
                "aarcher@corp.example", "bbaker@corp.example", "ccooper@corp.example", "ddiaz@corp.example");
        assertThat(faxgate.memberNames(faxAdmins)).containsExactly("aarcher@corp.example");
        assertThat(Files.readString(dir.resolve("state.json"))).contains(alice).contains("\"watermark\"");
    }

    @Test
    void usersAreReadPageByPage() throws Exception {
        assertThat(agent()).isEqualTo(ExitCode.OK);
        // 6 users with page size 2 = 3 paged requests, plus 1 for the 2 groups
        assertThat(ad.pagedSearches()).isEqualTo(4);
        assertThat(ad.entriesReturned()).isEqualTo(8);
        assertThat(faxgate.users()).hasSize(6);
    }

    @Test
    void userRemovedFromAdGroupIsRemovedFromFaxgateGroupOnNextRun() throws Exception {
        agent();
        faxgate.clearRequests();
        ad.removeMember(groupDn("Fax Users"), userDn("Bob", "Baker"));

        assertThat(agent()).isEqualTo(ExitCode.OK);

        assertThat(faxgate.memberNames(faxUsers)).doesNotContain("bbaker@corp.example").contains("aarcher@corp.example");
        assertThat(faxgate.writes()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PATCH");
            assertThat(r.body()).contains("members[value eq \\\"" + idOf(bob) + "\\\"]");
        });
        assertThat(user(bob).path("active").asBoolean()).as("still a user, just not a member").isTrue();
    }

    @Test
    void userDeletedFromAdIsDeactivatedByTheNextFullSyncNeverDeleted() throws Exception {
        agent();
        ad.delete(userDn("Dave", "Diaz"));

        assertThat(agent()).as("incremental").isEqualTo(ExitCode.OK);
        assertThat(faxgate.memberNames(faxUsers)).as("AD removed him from the group: the incremental run sees that")
                .doesNotContain("ddiaz@corp.example");
        assertThat(user(dave).path("active").asBoolean()).as("an incremental run cannot see deletions").isTrue();

        faxgate.clearRequests();
        assertThat(agent("--full")).isEqualTo(ExitCode.OK);
        assertThat(user(dave)).isNotNull();
        assertThat(user(dave).path("active").asBoolean()).isFalse();
        assertThat(faxgate.writes()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PATCH");
            assertThat(r.path()).isEqualTo("Users/" + idOf(dave));
        });
        assertThat(faxgate.requests()).noneMatch(r -> r.method().equals("DELETE"));

        faxgate.clearRequests();
        assertThat(agent("--full")).isEqualTo(ExitCode.OK);
        assertThat(faxgate.writes()).as("already deactivated: nothing more to do").isEmpty();
    }

    @Test
    void incrementalRunOnlyTouchesChangedEntries() throws Exception {
        agent();
        faxgate.clearRequests();
        ad.modify(userDn("Erin", "Evans"), new Modification(ModificationType.REPLACE, "displayName", "Erin Evans-Ng"));
        ad.resetCounters();

        assertThat(agent()).isEqualTo(ExitCode.OK);

        assertThat(ad.entriesReturned()).as("only Erin is read from AD").isEqualTo(1);

        assertThat(faxgate.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PUT");
            assertThat(r.path()).isEqualTo("Users/" + idOf(erin));
        });
        assertThat(user(erin).path("displayName").asText()).isEqualTo("Erin Evans-Ng");

        faxgate.clearRequests();
        ad.resetCounters();
        assertThat(agent()).isEqualTo(ExitCode.OK);
        assertThat(faxgate.requests()).as("nothing changed since").isEmpty();
        assertThat(ad.entriesReturned()).isZero();
    }

    @Test
    void disabledAccountBecomesInactiveAndReEnabledBecomesActive() throws Exception {
        agent();
        ad.disable(userDn("Bob", "Baker"));
        assertThat(agent()).isEqualTo(ExitCode.OK);
        assertThat(user(bob).path("active").asBoolean()).isFalse();

        ad.modify(userDn("Bob", "Baker"), new Modification(ModificationType.REPLACE, "userAccountControl", "512"));
        assertThat(agent()).isEqualTo(ExitCode.OK);
        assertThat(user(bob).path("active").asBoolean()).isTrue();
    }

    @Test
    void newUserAddedToExistingGroupIncrementally() throws Exception {
        agent();
        String gina = ad.addUser("ggarcia", "Gina", "Garcia");
        ad.addMember(groupDn("Fax Admins"), userDn("Gina", "Garcia"));

        assertThat(agent()).isEqualTo(ExitCode.OK);

        assertThat(user(gina)).isNotNull();
        assertThat(faxgate.memberNames(faxAdmins)).containsExactlyInAnyOrder("aarcher@corp.example", "ggarcia@corp.example");
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        assertThat(agent("--dry-run")).isEqualTo(ExitCode.OK);

        assertThat(faxgate.writes()).isEmpty();
        assertThat(faxgate.users()).isEmpty();
        assertThat(dir.resolve("state.json")).doesNotExist();
        assertThat(out).contains("DRY RUN")
                .contains("6 user create(s)")
                .contains("CREATE USER      aarcher@corp.example")
                .contains("CREATE USER      ccooper@corp.example (inactive)")
                .contains("CREATE GROUP     Fax Users")
                .contains("ADD MEMBERS      Fax Admins <- aarcher@corp.example");

        agent();
        String stateBefore = Files.readString(dir.resolve("state.json"));
        ad.delete(userDn("Frank", "Fisher"));
        ad.removeMember(groupDn("Fax Users"), userDn("Bob", "Baker"));
        faxgate.clearRequests();

        assertThat(agent("--dry-run", "--full")).isEqualTo(ExitCode.OK);

        assertThat(faxgate.writes()).isEmpty();
        assertThat(Files.readString(dir.resolve("state.json"))).isEqualTo(stateBefore);
        assertThat(out).contains("DEACTIVATE USER  ffisher@corp.example")
                .contains("REMOVE MEMBERS   Fax Users -> bbaker@corp.example");
        assertThat(user(frank).path("active").asBoolean()).isTrue();
    }

    @Test
    void refusedTokenExitsWithFaxgateUnavailable() throws Exception {
        env.put(AgentConfigFile.ENV_SCIM_TOKEN, "not-the-token");
        assertThat(agent()).isEqualTo(ExitCode.FAXGATE_UNAVAILABLE);
        assertThat(faxgate.writes()).isEmpty();
    }

    @Test
    void unreachableDirectoryExitsWith3AndDoesNotTouchFaxgate() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        extraConfig.add("ldap.url=ldap://127.0.0.1:" + port);
        extraConfig.add("ldap.connectTimeout=2s");
        assertThat(agent()).isEqualTo(ExitCode.DIRECTORY_UNAVAILABLE);
        assertThat(faxgate.requests()).isEmpty();
    }

    @Test
    void wrongBindPasswordExitsWith3() throws Exception {
        env.put(AgentConfigFile.ENV_LDAP_BIND_PASSWORD, "wrong");
        assertThat(agent()).isEqualTo(ExitCode.DIRECTORY_UNAVAILABLE);
        assertThat(faxgate.requests()).isEmpty();
    }

    @Test
    void corruptStateFileExitsWith5AndChangesNothing() throws Exception {
        Files.writeString(dir.resolve("state.json"), "{ this is not json");
        assertThat(agent()).isEqualTo(ExitCode.STATE_FILE_ERROR);
        assertThat(faxgate.requests()).isEmpty();
        assertThat(Files.readString(dir.resolve("state.json"))).isEqualTo("{ this is not json");
    }

    @Test
    void secretsOnTheCommandLineAreRefused() throws Exception {
        for (String[] args : List.of(
                new String[] {"--bind-password=Sup3rSecret"},
                new String[] {"--password", "Sup3rSecret"},
                new String[] {"--scim-token", "Sup3rSecret"},
                new String[] {"--token=Sup3rSecret"},
                new String[] {"-w", "Sup3rSecret"},
                new String[] {"-wSup3rSecret"})) {
            assertThat(agent(args)).as(String.join(" ", args)).isEqualTo(ExitCode.CONFIGURATION_ERROR);
            assertThat(err).contains("secrets are never accepted on the command line").doesNotContain("Sup3rSecret");
        }
        assertThat(faxgate.requests()).isEmpty();
        assertThat(agent("--frobnicate", "Sup3rSecret")).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(err).contains("--frobnicate").doesNotContain("Sup3rSecret");
    }

    @Test
    void rateLimitedSyncIsRetriedAndCompletes() throws Exception {
        faxgate.throttle(1, "1");
        assertThat(agent()).isEqualTo(ExitCode.OK);
        assertThat(faxgate.users()).hasSize(6);
    }

    @Test
    void lostStateRelinksExistingFaxgateObjectsWithoutDuplicates() throws Exception {
        agent();
        Files.delete(dir.resolve("state.json"));
        faxgate.clearRequests();

        assertThat(agent()).isEqualTo(ExitCode.OK);

        assertThat(faxgate.writes()).isEmpty();
        assertThat(faxgate.users()).hasSize(6);
        assertThat(faxgate.groups()).hasSize(2);
        assertThat(faxgate.requests()).allMatch(r -> r.query() != null && r.query().contains("externalId"));
    }

    @Test
    void existingFaxgateUserWithDifferentDataIsLinkedAndUpdated() throws Exception {
        ObjectNode existing = ScimDocuments.user(null, alice, new io.faxgate.syncagent.model.UserProfile(
                "aarcher@corp.example", "Old Name", "Alice", "Archer", null, true, "aarcher", null)).getObjectNode();
        String id = faxgate.seedUser(existing);

        assertThat(agent()).isEqualTo(ExitCode.OK);

        assertThat(faxgate.users()).hasSize(6);
        assertThat(idOf(alice)).isEqualTo(id);
        assertThat(user(alice).path("displayName").asText()).isEqualTo("Alice Archer");
    }

    @Test
    void largeGroupsAreReadRangeByRangeLikeAd() throws Exception {
        ad.limitMemberValuesPerResponse(2);
        assertThat(agent()).isEqualTo(ExitCode.OK);
        assertThat(faxgate.memberNames(faxUsers)).hasSize(4);
    }

    @Test
    void massDeactivationIsRefused() throws Exception {
        agent();
        extraConfig.add("sync.maxDeactivations=2");
        ad.delete(userDn("Dave", "Diaz"));
        ad.delete(userDn("Erin", "Evans"));
        ad.delete(userDn("Frank", "Fisher"));

        assertThat(agent("--full")).isEqualTo(ExitCode.PARTIAL_FAILURE);

        assertThat(Set.of(dave, erin, frank)).allSatisfy(g -> assertThat(user(g).path("active").asBoolean()).isTrue());
    }

    @Test
    void failedRequestIsPartialFailureAndRetriedNextRun() throws Exception {
        // Someone else already owns Bob's userName in Faxgate: creating Bob fails with 409.
        faxgate.seedUser(ScimDocuments.user(null, "someone-else", new io.faxgate.syncagent.model.UserProfile(
                "bbaker@corp.example", "Imposter", null, null, null, true, null, null)).getObjectNode());

        assertThat(agent()).isEqualTo(ExitCode.PARTIAL_FAILURE);
        assertThat(user(bob)).isNull();
        assertThat(faxgate.memberNames(faxUsers)).as("the others are members")
                .contains("aarcher@corp.example", "ccooper@corp.example", "ddiaz@corp.example");

        faxgate.users().stream().filter(u -> u.path("externalId").asText().equals("someone-else"))
                .forEach(u -> u.put("userName", "imposter@corp.example"));
        assertThat(agent()).as("full again: the watermark did not advance").isEqualTo(ExitCode.OK);
        assertThat(user(bob)).isNotNull();
        assertThat(faxgate.memberNames(faxUsers)).contains("bbaker@corp.example");
    }

    @Test
    void daemonRunsRepeatedly() throws Exception {
        assertThat(agent("--daemon", "--interval", "1s")).isEqualTo(ExitCode.OK);
        List<Request> posts = faxgate.requests().stream().filter(r -> r.method().equals("POST")).toList();
        assertThat(posts).hasSize(8); // 6 users + 2 groups, once
    }
}
