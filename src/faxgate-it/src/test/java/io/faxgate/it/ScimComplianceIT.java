package io.faxgate.it;

import static io.faxgate.it.ScimEndpoint.assertScimError;
import static io.faxgate.it.ScimEndpoint.filter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.SortOrder;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.faxgate.it.FaxgateApi.Answer;
import io.faxgate.sso.saml.EntraClaims;
import io.faxgate.sso.saml.fixture.EntraIdp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SCIM rules beyond one client's dialect: one userName rule shared with SAML just-in-time creation, membership
 * changes audited whatever request shape made them, and the parts of RFC 7644 clients other than Entra use.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScimComplianceIT {

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    /** Issue 11 item 9: Bob@x by SAML beside bob@x by SCIM was possible; one rule, ignoring case, everywhere. */
    @Test
    void aUserNameDifferingOnlyInCaseIsOneNameForScimAndSamlJustInTime() {
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of());
        ScimEndpoint scim = ScimEndpoint.forTenant(tenant.slug(), null);
        String lower = EntraIdp.EMAIL.toLowerCase();
        Answer created = scim.post("/Users", ScimEndpoint.user(lower, "scim-" + UUID.randomUUID(), "Alice", "Scim"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        String shouted = "Alice@" + lower.substring(lower.indexOf('@') + 1).toUpperCase();
        HttpResponse<String> signIn = SamlFlows.signIn(new SamlBrowser(), tenant, r -> {
            r.nameId = shouted;
            r.attributes.put(EntraClaims.EMAIL, List.of(shouted));
        });
        assertThat(signIn.statusCode()).isIn(302, 303);
        assertThat(signIn.headers().firstValue("Location").orElseThrow())
                .as("another object id with the same name (ignoring case) is refused, never merged by name")
                .contains("reason=USERNAME_CONFLICT");
        assertThat(scim.get("/Users?" + filter("userName eq \"" + lower + "\"")).json().get("totalResults").asInt())
                .as("no second user").isEqualTo(1);
        assertThat(TestData.count("SELECT count(*) FROM directory_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.slug = ?",
                tenant.slug())).isEqualTo(1);

        assertScimError(scim.post("/Users", ScimEndpoint.user(lower.toUpperCase(), "scim-" + UUID.randomUUID(), "A", "B")),
                409, "uniqueness");
        assertThat(TestData.count("SELECT count(*) FROM flyway_schema_history WHERE version = ? AND success = TRUE", "8.1"))
                .as("the database rule (Java migration 8.1) was applied in the deployed server").isEqualTo(1);
    }

    /** Issue 11 item 15: a PUT that only adds members was neither audited nor moved lastModified. */
    @Test
    void aGroupPutThatOnlyAddsMembersIsAuditedAndMovesLastModified() throws Exception {
        ScimEndpoint scim = ScimEndpoint.newTenant("put");
        String u1 = scim.createUser("u1@" + scim.slug + ".example");
        String u2 = scim.createUser("u2@" + scim.slug + ".example");
        String externalId = UUID.randomUUID().toString();
        Answer group = scim.post("/Groups", ScimEndpoint.group("Night shift", externalId));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String id = group.json().get("id").asText();
        Instant before = Instant.parse(group.json().get("meta").get("lastModified").asText());
        String versionBefore = group.json().get("meta").get("version").asText();
        Thread.sleep(20);

        Answer put = scim.put("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"%s","displayName":"Night shift",
                 "members":[{"value":"%s"},{"value":"%s"}]}""".formatted(externalId, u1, u2));

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode after = scim.get("/Groups/" + id).json();
        assertThat(after.get("members")).hasSize(2);
        assertThat(Instant.parse(after.get("meta").get("lastModified").asText())).isAfter(before);
        assertThat(after.get("meta").get("version").asText()).isNotEqualTo(versionBefore);
        assertThat(TestData.strings("SELECT e.detail FROM audit_event e JOIN tenant t ON t.id = e.tenant_id"
                + " WHERE t.slug = ? AND e.type = 'GROUP_MEMBERS_CHANGED'", scim.slug))
                .singleElement().asString().contains("2 added").contains("0 removed");
    }

    private static Client http(ScimEndpoint endpoint) {
        return ClientBuilder.newClient(new ClientConfig().connectorProvider(new JavaNetHttpConnectorProvider()))
                .register((ClientRequestFilter) r -> r.getHeaders().putSingle("Authorization", "Bearer " + endpoint.token));
    }

    private static UserResource person(ScimService scim, String userName, String given, String family, String email)
            throws ScimException {
        UserResource u = new UserResource().setUserName(userName).setName(new Name().setGivenName(given).setFamilyName(family))
                .setEmails(List.of(new Email().setValue(email).setType("work").setPrimary(true))).setActive(true);
        return scim.create("Users", u);
    }

    private static void scimError(ThrowingCall call, int status, String scimType) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.getScimError().getStatus()).as(e.getScimError().toString()).isEqualTo(status);
            if (scimType != null) {
                assertThat(e.getScimError().getScimType()).isEqualTo(scimType);
            }
        });
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    /** Issue 16 b: the filter grammar, sort and POST .search through the UnboundID client, evaluated by the database. */
    @Test
    void theUnboundIdClientFiltersSortsAndSearches() throws Exception {
        ScimEndpoint endpoint = ScimEndpoint.newTenant("filter");
        Client http = http(endpoint);
        try {
            ScimService scim = new ScimService(http.target(endpoint.base()));
            String d = "@" + endpoint.slug + ".example";
            UserResource ann = person(scim, "Ann.Archer" + d, "Ann", "Archer", "ann" + d);
            UserResource ben = person(scim, "ben.baker" + d, "Ben", "Baker", "ben@elsewhere.example");
            UserResource cat = person(scim, "cat.cole" + d, "Cat", "Cole", "cat" + d);
            scim.modifyRequest("Users", ben.getId()).replaceValue("active", false).invoke(UserResource.class);

            assertThat(ids(scim.searchRequest("Users").filter("userName eq \"ANN.ARCHER" + d.toUpperCase() + "\"")
                    .invoke(UserResource.class))).as("eq, userName ignores case").containsExactly(ann.getId());
            assertThat(ids(scim.searchRequest("Users").filter("name.familyName co \"a\" and not (active eq false)")
                    .invoke(UserResource.class))).as("co, and, not").containsExactly(ann.getId());
            assertThat(ids(scim.searchRequest("Users").filter("userName sw \"ben\" or userName ew \"cole" + d + "\"")
                    .invoke(UserResource.class))).as("sw, or, ew").containsExactlyInAnyOrder(ben.getId(), cat.getId());
            assertThat(ids(scim.searchRequest("Users").filter("emails[type eq \"work\" and value ew \"" + d + "\"]")
                    .invoke(UserResource.class))).as("complex attribute filter").containsExactlyInAnyOrder(ann.getId(), cat.getId());
            assertThat(ids(scim.searchRequest("Users").filter("meta.created gt \"2000-01-01T00:00:00Z\" and emails pr")
                    .sort("name.givenName", SortOrder.DESCENDING).invoke(UserResource.class)))
                    .as("gt on a dateTime, pr, sorted descending").containsExactly(cat.getId(), ben.getId(), ann.getId());
            ListResponse<UserResource> posted = scim.searchRequest("Users").filter("userName ne \"ben.baker" + d + "\"")
                    .sort("userName", SortOrder.ASCENDING).page(1, 1).invokePost(UserResource.class);
            assertThat(posted.getTotalResults()).as("POST .search").isEqualTo(2);
            assertThat(ids(posted)).containsExactly(ann.getId());

            scimError(() -> scim.searchRequest("Users").filter("title eq \"x\"").invoke(UserResource.class), 400, "invalidFilter");
            scimError(() -> scim.searchRequest("Users").filter("active gt true").invoke(UserResource.class), 400, "invalidFilter");
            scimError(() -> scim.searchRequest("Users").sort("emails.type", SortOrder.ASCENDING).invoke(UserResource.class),
                    400, "invalidValue");
            ServiceProviderConfigResource config = scim.getServiceProviderConfig();
            assertThat(config.getSort().isSupported()).isTrue();
            assertThat(config.getFilter().isSupported()).isTrue();
            assertThat(config.getEtag().isSupported()).isTrue();
            assertThat(config.getBulk().isSupported()).isFalse();
            assertScimError(endpoint.post("/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[]}"),
                    501, null);
        } finally {
            http.close();
        }
    }

    /** Issue 16 c: every resource carries its version; a change based on a stale one is refused with 412. */
    @Test
    void etagsAndIfMatchRefuseAStaleChange() throws Exception {
        ScimEndpoint endpoint = ScimEndpoint.newTenant("etag");
        Client http = http(endpoint);
        try {
            ScimService scim = new ScimService(http.target(endpoint.base()));
            UserResource dan = person(scim, "dan@" + endpoint.slug + ".example", "Dan", "Diaz", "dan@" + endpoint.slug + ".example");
            String v1 = dan.getMeta().getVersion();
            Answer read = endpoint.get("/Users/" + dan.getId());
            assertThat(read.header("ETag")).isEqualTo(v1);

            UserResource renamed = scim.retrieve("Users", dan.getId(), UserResource.class).setDisplayName("Daniel Diaz");
            UserResource replaced = scim.replaceRequest(renamed).ifMatch().invoke();
            String v2 = replaced.getMeta().getVersion();
            assertThat(v2).isNotEqualTo(v1);

            dan.setDisplayName("Stale Write");
            scimError(() -> scim.replaceRequest(dan).ifMatch().invoke(), 412, null);
            scimError(() -> scim.modifyRequest("Users", dan.getId()).header("If-Match", v1)
                    .replaceValue("displayName", "Stale Patch").invoke(UserResource.class), 412, null);
            scimError(() -> scim.deleteRequest("Users", dan.getId()).ifMatch(v1).invoke(), 412, null);
            assertThat(scim.retrieve("Users", dan.getId(), UserResource.class).getDisplayName()).isEqualTo("Daniel Diaz");
            scim.deleteRequest("Users", dan.getId()).ifMatch(v2).invoke();

            GroupResource group = scim.create("Groups", new GroupResource().setDisplayName("ETag group"));
            String g1 = group.getMeta().getVersion();
            UserResource eve = person(scim, "eve@" + endpoint.slug + ".example", "Eve", "E", "eve@" + endpoint.slug + ".example");
            scim.modifyRequest("Groups", group.getId()).header("If-Match", g1)
                    .addValues("members", new Member().setValue(eve.getId())).invoke(String.class);
            scimError(() -> scim.modifyRequest("Groups", group.getId()).header("If-Match", g1)
                    .removeValues("members").invoke(String.class), 412, null);
            assertThat(scim.retrieve("Groups", group.getId(), GroupResource.class).getMembers()).hasSize(1);
        } finally {
            http.close();
        }
    }

    /**
     * Issue 16 a: a provisioning run in the shape Okta uses — groups without externalId, PUT replacement of users and
     * groups, active toggles — and groups keyed by externalId where a client sends one.
     */
    @Test
    void anOktaShapedRunWithGroupsWithoutExternalId() {
        ScimEndpoint scim = ScimEndpoint.newTenant("okta");
        String d = "@" + scim.slug + ".example";
        Answer created = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"fay%s",
                 "name":{"givenName":"Fay","familyName":"Fox"},"emails":[{"primary":true,"value":"fay%s","type":"work"}],
                 "displayName":"Fay Fox","locale":"en-US","externalId":"00u1abcd","groups":[],"active":true}""".formatted(d, d));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String fay = created.json().get("id").asText();
        String gus = scim.createUser("gus" + d);

        Answer group = scim.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Okta Dispatch","members":[]}""");
        assertThat(group.status()).as("a group without externalId is accepted: " + group).isEqualTo(201);
        String gid = group.json().get("id").asText();
        assertThat(group.json().has("externalId")).isFalse();
        assertThat(scim.get("/Groups?" + filter("displayName eq \"Okta Dispatch\"")).json().get("totalResults").asInt()).isEqualTo(1);

        Answer put = scim.put("/Groups/" + gid, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"%s","displayName":"Okta Dispatch",
                 "members":[{"value":"%s","display":"fay"},{"value":"%s","display":"gus"}]}""".formatted(gid, fay, gus));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("members")).hasSize(2);
        Answer shrink = scim.put("/Groups/" + gid, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Okta Dispatch Team",
                 "members":[{"value":"%s"}]}""".formatted(gus));
        assertThat(shrink.json().get("members")).hasSize(1);
        assertThat(shrink.json().get("displayName").asText()).isEqualTo("Okta Dispatch Team");

        for (boolean active : new boolean[] {false, true, false}) {
            Answer toggled = scim.patch("/Users/" + fay, ScimEndpoint.patch(
                    "{\"op\":\"replace\",\"value\":{\"active\":" + active + "}}"));
            assertThat(toggled.status()).as(toggled.toString()).isEqualTo(200);
            assertThat(toggled.json().get("active").asBoolean()).isEqualTo(active);
        }
        Answer replacedUser = scim.put("/Users/" + fay, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"fay%s","active":true,
                 "name":{"givenName":"Fay","familyName":"Fox-Smith"},"emails":[{"primary":true,"value":"fay%s"}]}""".formatted(d, d));
        assertThat(replacedUser.json().get("name").get("familyName").asText()).isEqualTo("Fox-Smith");
        assertThat(replacedUser.json().get("active").asBoolean()).isTrue();

        String externalId = UUID.randomUUID().toString();
        assertThat(scim.post("/Groups", ScimEndpoint.group("Keyed", externalId)).status()).isEqualTo(201);
        assertScimError(scim.post("/Groups", ScimEndpoint.group("Keyed again", externalId)), 409, "uniqueness");
        assertThat(scim.get("/Groups?" + filter("externalId eq \"" + externalId + "\"")).json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(scim.delete("/Groups/" + gid).status()).isEqualTo(204);
        assertScimError(scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"hal%s","password":"Secret123!"}""".formatted(d)),
                400, "invalidValue");
        assertScimError(scim.patch("/Users/" + gus, ScimEndpoint.patch(
                "{\"op\":\"replace\",\"path\":\"urn:example:unknown:2.0:User:x\",\"value\":1}")), 400, "invalidPath");
    }

    /** Issue 16 d: roles sent over SCIM are the user's app roles; a change takes effect on the user's next request. */
    @Test
    void rolesThroughScimTakeEffectOnTheNextRequest() {
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of());
        ScimEndpoint scim = ScimEndpoint.forTenant(tenant.slug(), null);
        String base = "/api/v1/tenants/" + tenant.slug();
        FaxgateApi operator = FaxgateApi.operator();
        assertThat(operator.post(base + "/role-mappings", FaxgateApi.body("claimValue", "Fax.LineAdmin",
                "permission", "MANAGE_FAX_LINES")).status()).isEqualTo(201);
        Answer user = scim.post("/Users", ScimEndpoint.user(EntraIdp.EMAIL, EntraIdp.OBJECT_ID, "Alice", "Roles"));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        String id = user.json().get("id").asText();
        SamlBrowser browser = new SamlBrowser();
        browser.followLocal(SamlFlows.signIn(browser, tenant, r -> r.attributes.remove(EntraClaims.ROLE)));
        assertThat(browser.get(base + "/fax-lines").statusCode()).as("no app role yet").isEqualTo(403);

        Answer granted = scim.patch("/Users/" + id, ScimEndpoint.patch("""
                {"op":"Add","path":"roles","value":[{"primary":false,"type":"WindowsAzureActiveDirectoryRole",
                 "display":"Line admin","value":"Fax.LineAdmin"}]}"""));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().get("roles").get(0).get("value").asText()).isEqualTo("Fax.LineAdmin");
        assertThat(browser.get(base + "/fax-lines").statusCode()).as("role granted over SCIM: next request admitted").isEqualTo(200);

        Answer revoked = scim.patch("/Users/" + id, ScimEndpoint.patch("{\"op\":\"Remove\",\"path\":\"roles\"}"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(browser.get(base + "/fax-lines").statusCode()).as("role removed over SCIM: next request denied").isEqualTo(403);
        assertThat(TestData.strings("SELECT e.detail FROM audit_event e JOIN tenant t ON t.id = e.tenant_id"
                + " WHERE t.slug = ? AND e.type = 'USER_UPDATED'", tenant.slug())).anySatisfy(a -> assertThat(a).contains("app roles"));
    }

    private static List<String> ids(ListResponse<UserResource> list) {
        return list.getResources() == null ? List.of() : list.getResources().stream().map(UserResource::getId).toList();
    }
}
