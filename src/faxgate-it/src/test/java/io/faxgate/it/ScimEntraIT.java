package io.faxgate.it;

import static io.faxgate.it.ScimEndpoint.assertScimError;
import static io.faxgate.it.ScimEndpoint.filter;
import static io.faxgate.it.ScimEndpoint.patch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.FaxgateApi.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SCIM server as Microsoft Entra ID drives it: request sequences of a provisioning cycle in both PATCH dialects
 * (default, and with the aadOptscim062020 flag), the errors a misconfigured job meets, the rate limit, and parallel
 * PATCHes to one group.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScimEntraIT {

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @Test
    void defaultDialectProvisioningCycle() {
        ScimEndpoint scim = ScimEndpoint.newTenant("entra");
        String oid = UUID.randomUUID().toString();
        String upn = "dora.diaz@" + scim.slug + ".example";

        JsonNode none = scim.get("/Users?" + filter("userName eq \"" + upn + "\"")).json();
        assertThat(none.get("totalResults").asInt()).isZero();
        assertThat(none.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(none.get("Resources")).isEmpty();
        assertThat(scim.get("/Users?" + filter("externalId eq \"" + oid + "\"")).json().get("totalResults").asInt()).isZero();

        Answer created = scim.post("/Users", ScimEndpoint.user(upn, oid, "Dora", "Diaz"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/scim+json");
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo(scim.base() + "/Users/" + id);
        assertThat(created.json().get("meta").get("resourceType").asText()).isEqualTo("User");
        assertThat(created.json().get("meta").get("created").asText()).isNotBlank();
        assertThat(created.json().get("name").get("givenName").asText()).isEqualTo("Dora");
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(created.header("X-Content-Type-Options")).isEqualTo("nosniff");

        JsonNode found = scim.get("/Users?" + filter("userName eq \"" + upn.toUpperCase() + "\"")).json();
        assertThat(found.get("totalResults").asInt()).as("userName is case-insensitive").isEqualTo(1);
        assertThat(found.get("Resources").get(0).get("id").asText()).isEqualTo(id);

        Answer deactivated = scim.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        Answer stillThere = scim.get("/Users/" + id);
        assertThat(stillThere.status()).as("soft delete: still readable").isEqualTo(200);
        assertThat(stillThere.json().get("active").asBoolean()).isFalse();

        Answer renamed = scim.patch("/Users/" + id, patch(
                "{\"op\":\"Add\",\"path\":\"name.familyName\",\"value\":\"Diaz-Ruiz\"}",
                "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"dora@" + scim.slug + ".example\"}",
                "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").get("familyName").asText()).isEqualTo("Diaz-Ruiz");
        assertThat(renamed.json().get("emails").get(0).get("value").asText()).isEqualTo("dora@" + scim.slug + ".example");
        assertThat(renamed.json().get("active").asBoolean()).isTrue();

        String gid = UUID.randomUUID().toString();
        JsonNode noGroup = scim.get("/Groups?excludedAttributes=members&" + filter("displayName eq \"Fax Dispatch\"")).json();
        assertThat(noGroup.get("totalResults").asInt()).isZero();
        Answer group = scim.post("/Groups", ScimEndpoint.group("Fax Dispatch", gid));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String groupId = group.json().get("id").asText();
        assertThat(group.json().get("members")).isEmpty();

        Answer added = scim.patch("/Groups/" + groupId, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}"));
        assertThat(added.status()).as(added.toString()).isEqualTo(204);
        JsonNode withMembers = scim.get("/Groups/" + groupId).json();
        assertThat(withMembers.get("members").findValuesAsText("value")).containsExactly(id);
        JsonNode withoutMembers = scim.get("/Groups/" + groupId + "?excludedAttributes=members").json();
        assertThat(withoutMembers.has("members")).isFalse();
        assertThat(withoutMembers.get("displayName").asText()).isEqualTo("Fax Dispatch");
        JsonNode listed = scim.get("/Groups?excludedAttributes=members&" + filter("displayName eq \"Fax Dispatch\"")).json();
        assertThat(listed.get("totalResults").asInt()).isEqualTo(1);
        assertThat(listed.get("Resources").get(0).has("members")).isFalse();

        Answer removed = scim.patch("/Groups/" + groupId, patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}"));
        assertThat(removed.status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + groupId).json().get("members")).isEmpty();

        Answer replaced = scim.put("/Users/" + id, ScimEndpoint.user(upn, oid, "Dora", "Diaz"));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("name").get("familyName").asText()).isEqualTo("Diaz");

        assertThat(scim.delete("/Users/" + id).status()).isEqualTo(204);
        assertScimError(scim.get("/Users/" + id), 404, null);
        assertThat(scim.delete("/Groups/" + groupId).status()).isEqualTo(204);
        assertScimError(scim.get("/Groups/" + groupId), 404, null);
    }

    @Test
    void aadOptscim062020DialectProvisioningCycle() {
        ScimEndpoint scim = ScimEndpoint.newTenant("flag");
        String alice = scim.createUser("alice@" + scim.slug + ".example");
        String bob = scim.createUser("bob@" + scim.slug + ".example");

        Answer multi = scim.patch("/Users/" + alice, patch("{\"op\":\"replace\",\"value\":{\"active\":false,"
                + "\"displayName\":\"Alice A.\",\"name.givenName\":\"Alicia\"}}"));
        assertThat(multi.status()).as(multi.toString()).isEqualTo(200);
        assertThat(multi.json().get("active").asBoolean()).isFalse();
        assertThat(multi.json().get("displayName").asText()).isEqualTo("Alice A.");
        assertThat(multi.json().get("name").get("givenName").asText()).isEqualTo("Alicia");
        assertThat(scim.patch("/Users/" + alice, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":true}"))
                .json().get("active").asBoolean()).isTrue();

        String groupId = scim.post("/Groups", ScimEndpoint.group("Fax Sales", UUID.randomUUID().toString())).json().get("id").asText();
        assertThat(scim.patch("/Groups/" + groupId, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\""
                + alice + "\"},{\"value\":\"" + bob + "\"}]}")).status()).isEqualTo(204);
        assertThat(scim.get("/Groups?" + filter("members eq \"" + bob + "\"")).json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(scim.patch("/Groups/" + groupId, patch("{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + alice + "\\\"]\"}",
                "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Fax Sales EU\"}")).status()).isEqualTo(204);
        JsonNode g = scim.get("/Groups/" + groupId).json();
        assertThat(g.get("members").findValuesAsText("value")).containsExactly(bob);
        assertThat(g.get("displayName").asText()).isEqualTo("Fax Sales EU");
        assertThat(scim.patch("/Groups/" + groupId, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob + "\"}]}"))
                .status()).as("adding a member again is a no-op").isEqualTo(204);
        assertThat(scim.get("/Groups/" + groupId).json().get("members")).hasSize(1);
    }

    @Test
    void discoveryEndpointsDescribeTheService() {
        ScimEndpoint scim = ScimEndpoint.newTenant("disco");
        JsonNode spc = scim.get("/ServiceProviderConfig").json();
        assertThat(spc.get("patch").get("supported").asBoolean()).isTrue();
        assertThat(spc.get("bulk").get("supported").asBoolean()).isFalse();
        assertThat(spc.get("authenticationSchemes").get(0).get("type").asText()).isEqualTo("oauthbearertoken");
        assertThat(scim.get("/Schemas").json().get("Resources").findValuesAsText("id"))
                .contains("urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group");
        assertThat(scim.get("/ResourceTypes/User").json().get("endpoint").asText()).isEqualTo("/Users");
        assertScimError(scim.get("/ResourceTypes/Printer"), 404, null);
    }

    @Test
    void malformedRequestsAndWrongTokensGetScimErrorsNeverServerErrors() {
        ScimEndpoint scim = ScimEndpoint.newTenant("errors");
        ScimEndpoint other = ScimEndpoint.newTenant("other");
        String id = scim.createUser("erin@" + scim.slug + ".example");

        assertScimError(scim.post("/Users", "{\"userName\": "), 400, "invalidSyntax");
        assertScimError(scim.post("/Users", "[1,2]"), 400, "invalidSyntax");
        assertScimError(scim.get("/Users?" + filter("userName eq")), 400, "invalidFilter");
        assertScimError(scim.get("/Users?" + filter("userName co true")), 400, "invalidFilter");
        assertScimError(scim.get("/Users?" + filter("active gt false")), 400, "invalidFilter");
        assertScimError(scim.get("/Users?" + filter("shoeSize eq \"44\"")), 400, "invalidFilter");
        assertScimError(scim.post("/Users", "{\"userName\":\"x@y.z\",\"shoeSize\":44}"), 400, "invalidSyntax");
        assertScimError(scim.post("/Users", "{\"displayName\":\"nobody\"}"), 400, "invalidValue");
        assertScimError(scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"shoeSize\",\"value\":44}")), 400, "invalidPath");
        assertScimError(scim.patch("/Users/" + id, patch("{\"op\":\"explode\",\"path\":\"active\"}")), 400, "invalidSyntax");
        assertScimError(scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"id\",\"value\":\"1\"}")), 400, "mutability");
        assertScimError(scim.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":\"Maybe\"}")), 400, "invalidValue");
        assertScimError(scim.post("/Users", ScimEndpoint.user("ERIN@" + scim.slug + ".example", "x-1", "E", "E")), 409, "uniqueness");
        assertScimError(scim.get("/Users/999999999"), 404, null);
        assertScimError(scim.get("/Users/not-a-number"), 404, null);
        assertScimError(scim.get("/Printers"), 404, null);
        assertScimError(scim.send("POST", "/Users/" + id, "{}"), 405, null);

        String groupId = scim.post("/Groups", ScimEndpoint.group("G", "g-1")).json().get("id").asText();
        String foreignUser = other.createUser("frank@" + other.slug + ".example");
        assertScimError(scim.patch("/Groups/" + groupId, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + foreignUser + "\"}]}")),
                400, "invalidValue");
        assertScimError(scim.patch("/Groups/" + groupId, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"999999999\"}]}")),
                400, "invalidValue");
        assertScimError(scim.post("/Groups", ScimEndpoint.group("G2", "g-1")), 409, "uniqueness");
        assertScimError(other.get("/Users/" + id), 404, null);

        assertScimError(scim.withToken(null).get("/Users"), 401, null);
        Answer wrong = scim.withToken("fgs_wrong-token").get("/Users");
        assertScimError(wrong, 401, null);
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer");
        assertScimError(scim.forSlug(other.slug).get("/Users"), 401, null);
        assertScimError(scim.forSlug("no-such-tenant").get("/Users"), 401, null);

        assertThat(FaxgateApi.operator().delete("/api/v1/tenants/" + scim.slug + "/scim-tokens/" + scim.tokenId).status()).isEqualTo(204);
        assertScimError(scim.get("/Users"), 401, null);
        JsonNode tokens = FaxgateApi.operator().get("/api/v1/tenants/" + scim.slug + "/scim-tokens").json();
        assertThat(tokens.get(0).get("revoked").asBoolean()).isTrue();
        assertThat(tokens.get(0).get("lastUsedAt").isNull()).as("last use recorded").isFalse();
        assertThat(tokens.toString()).doesNotContain(scim.token).contains(scim.token.substring(0, 12));
    }

    @Test
    void aTenantOverItsRateIsAnswered429WithRetryAfter() throws Exception {
        ScimEndpoint first = ScimEndpoint.newTenant("rate");
        ScimEndpoint slow = ScimEndpoint.forTenant(first.slug, 2);
        List<Integer> statuses = new ArrayList<>();
        Answer limited = null;
        for (int i = 0; i < 12; i++) {
            Answer a = slow.get("/Users?count=1");
            statuses.add(a.status());
            if (a.status() == 429 && limited == null) {
                limited = a;
            }
        }
        assertThat(limited).as("statuses " + statuses).isNotNull();
        assertScimError(limited, 429, null);
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 5L);
        assertThat(first.get("/Users").status()).as("another token of the tenant is not slowed by this token's limit").isEqualTo(200);
        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(slow.get("/Users?count=1").status()).isEqualTo(200);
    }

    @Test
    void twentyParallelPatchesToOneGroupLoseNoMember() throws Exception {
        ScimEndpoint scim = ScimEndpoint.newTenant("parallel");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(scim.createUser("user" + i + "@" + scim.slug + ".example"));
        }
        String groupId = scim.post("/Groups", ScimEndpoint.group("Everyone", UUID.randomUUID().toString())).json().get("id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String user = users.get(i);
                String op = i % 2 == 0 ? "Add" : "add";
                answers.add(pool.submit(() -> scim.patch("/Groups/" + groupId,
                        patch("{\"op\":\"" + op + "\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}"))));
                // and a duplicate of every fourth add at the same time: idempotent, no error
                if (i % 4 == 0) {
                    answers.add(pool.submit(() -> scim.patch("/Groups/" + groupId,
                            patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}"))));
                }
            }
            for (Future<Answer> f : answers) {
                Answer a = f.get();
                assertThat(a.status()).as(a.toString()).isEqualTo(204);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(scim.get("/Groups/" + groupId).json().get("members").findValuesAsText("value"))
                .containsExactlyInAnyOrderElementsOf(users);
    }
}
