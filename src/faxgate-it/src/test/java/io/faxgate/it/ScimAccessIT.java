package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static io.faxgate.it.ScimEndpoint.filter;
import static io.faxgate.it.ScimEndpoint.patch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.FaxgateApi.Answer;
import io.faxgate.sso.saml.fixture.EntraIdp;
import io.faxgate.syncagent.testsupport.ActiveDirectoryFixture;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning decides access at once: a SCIM deactivation ends an open session on its next request, a SCIM member
 * removal takes the line away on the next request, and the AD sync agent (the shipped jar, against an AD look-alike)
 * carries a group change in AD through to the user's fax lines.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScimAccessIT {

    private final FaxgateApi operator = FaxgateApi.operator();

    @TempDir
    Path dir;

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    private long line(String slug, long groupId) {
        String base = "/api/v1/tenants/" + slug;
        long line = operator.post(base + "/fax-lines", body("number", "+6" + (100000000L + System.nanoTime() % 899999999L), "label", "Dispatch"))
                .json().get("id").asLong();
        assertThat(operator.put(base + "/security-groups/" + groupId + "/fax-lines/" + line, null).status()).isEqualTo(200);
        return line;
    }

    @Test
    void scimChangesReachAnOpenSessionOnItsNextRequest() {
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of());
        ScimEndpoint scim = ScimEndpoint.forTenant(tenant.slug(), null);
        String userId = scim.post("/Users", ScimEndpoint.user(EntraIdp.EMAIL, EntraIdp.OBJECT_ID, "Alice", "Contoso"))
                .json().get("id").asText();
        // the group Entra also names in the assertion's groups claim
        String groupId = scim.post("/Groups", ScimEndpoint.group("Dispatch", "8d0b6f8e-aaaa-4bbb-8ccc-000000000001")).json().get("id").asText();
        assertThat(scim.patch("/Groups/" + groupId, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + userId + "\"}]}"))
                .status()).isEqualTo(204);
        long line = line(tenant.slug(), Long.parseLong(groupId));

        SamlBrowser browser = new SamlBrowser();
        browser.followLocal(SamlFlows.signIn(browser, tenant, r -> { }));
        JsonNode me = SamlFlows.me(browser);
        assertThat(me.get("userId").asText()).as("SAML found the SCIM-provisioned user").isEqualTo(userId);
        assertThat(me.get("faxLines").findValues("id").stream().map(JsonNode::asLong).toList()).containsExactly(line);

        Answer removed = scim.patch("/Groups/" + groupId, patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + userId + "\"}]}"));
        assertThat(removed.status()).isEqualTo(204);
        HttpResponse<String> next = browser.get("/api/v1/me");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).as("line gone on the very next request").contains("\"faxLines\":[]");

        Answer deactivated = scim.patch("/Users/" + userId, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/me").statusCode()).as("deactivated: the open session ends at once").isEqualTo(401);
        assertThat(scim.get("/Users/" + userId).json().get("active").asBoolean()).isFalse();
        JsonNode audit = FaxgateApi.operator().get("/api/v1/tenants/" + tenant.slug() + "/users/" + userId).json();
        assertThat(audit.get("user").get("active").asBoolean()).isFalse();
    }

    @Test
    void theAdSyncAgentTakesALineAwayWhenAdRemovesTheUserFromTheGroup() throws Exception {
        ScimEndpoint scim = ScimEndpoint.newTenant("agent");
        try (ActiveDirectoryFixture ad = new ActiveDirectoryFixture()) {
            String aliceGuid = ad.addUser("aarcher", "Alice", "Archer");
            String bobGuid = ad.addUser("bbaker", "Bob", "Baker");
            String groupGuid = ad.addGroup("Fax Users", ActiveDirectoryFixture.userDn("Alice", "Archer"),
                    ActiveDirectoryFixture.userDn("Bob", "Baker"));

            Path config = dir.resolve("agent.properties");
            Files.writeString(config, String.join("\n",
                    "faxgate.baseUrl=" + FaxgateApi.BASE_URL,
                    "faxgate.tenant=" + scim.slug,
                    "faxgate.maxRetries=3",
                    "ldap.url=" + ad.url(),
                    "ldap.bindDn=" + ActiveDirectoryFixture.BIND_DN,
                    "users.baseDn=" + ActiveDirectoryFixture.USERS,
                    "users.filter=(objectClass=user)",
                    "groups.baseDn=" + ActiveDirectoryFixture.GROUPS,
                    "groups.filter=(&(objectClass=group)(groupType=" + ActiveDirectoryFixture.SECURITY_GLOBAL + "))",
                    "state.file=state.json") + "\n");

            assertThat(runAgent(config, scim.token, "--full")).isZero();
            String alice = userId(scim, aliceGuid);
            String bob = userId(scim, bobGuid);
            JsonNode group = scim.get("/Groups?" + filter("externalId eq \"" + groupGuid + "\"")).json().get("Resources").get(0);
            assertThat(group.get("members").findValuesAsText("value")).containsExactlyInAnyOrder(alice, bob);
            JsonNode bobRecord = scim.get("/Users/" + bob).json();
            assertThat(bobRecord.get("userName").asText()).isEqualTo("bbaker@corp.example");
            assertThat(bobRecord.get("schemas").toString()).as("source AGENT").contains("urn:faxgate:params:scim:schemas:extension:ad:2.0:User");

            long line = line(scim.slug, group.get("id").asLong());
            assertThat(linesOf(scim.slug, bob)).containsExactly(line);

            ad.removeMember(ActiveDirectoryFixture.groupDn("Fax Users"), ActiveDirectoryFixture.userDn("Bob", "Baker"));
            assertThat(runAgent(config, scim.token)).as("incremental run").isZero();

            assertThat(linesOf(scim.slug, bob)).as("Bob lost the line").isEmpty();
            assertThat(linesOf(scim.slug, alice)).containsExactly(line);
        }
    }

    private static String userId(ScimEndpoint scim, String externalId) {
        JsonNode list = scim.get("/Users?" + filter("externalId eq \"" + externalId + "\"")).json();
        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        return list.get("Resources").get(0).get("id").asText();
    }

    private List<Long> linesOf(String slug, String userId) {
        Answer detail = operator.get("/api/v1/tenants/" + slug + "/users/" + userId);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        return detail.json().get("faxLines").findValues("id").stream().map(JsonNode::asLong).toList();
    }

    /** The shipped agent jar in its own JVM, configured like a customer's installation. */
    private int runAgent(Path config, String token, String... args) throws Exception {
        String jar = System.getProperty("faxgate.it.agent-jar");
        assertThat(new File(jar)).as("agent jar built").isFile();
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "--config", config.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("FAXGATE_LDAP_BIND_PASSWORD", ActiveDirectoryFixture.BIND_PASSWORD);
        pb.environment().put("FAXGATE_SCIM_TOKEN", token);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println("agent " + String.join(" ", args) + " → exit " + p.exitValue() + "\n" + output);
        assertThat(output).doesNotContain(token);
        return p.exitValue();
    }
}
