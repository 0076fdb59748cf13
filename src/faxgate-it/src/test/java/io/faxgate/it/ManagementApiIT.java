package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.FaxgateApi.Answer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The management API's contract against the deployed EAR on Payara 6 and PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ManagementApiIT {

    private final FaxgateApi operator = FaxgateApi.operator();

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    private static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String newTenant(boolean ssoAllowed) {
        String slug = uniqueSlug("t");
        Answer created = operator.post("/api/v1/tenants", body("slug", slug, "name", "Tenant " + slug, "ssoAllowed", ssoAllowed));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return slug;
    }

    @Test
    void operatorCreatesAndReadsATenant() {
        String slug = uniqueSlug("acme");
        Answer created = operator.post("/api/v1/tenants", body("slug", slug, "name", "Acme Corp", "ssoAllowed", true));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/tenants/" + slug);
        assertThat(created.json().get("name").asText()).isEqualTo("Acme Corp");
        JsonNode read = operator.get("/api/v1/tenants/" + slug).json();
        assertThat(read.get("ssoAllowed").asBoolean()).isTrue();
        assertThat(operator.get("/api/v1/tenants").json().findValuesAsText("slug")).contains(slug);
    }

    @Test
    void invalidTenantIsRefusedNamingEachFieldAndNothingIsSaved() {
        Answer refused = operator.post("/api/v1/tenants", body("slug", "Not A Slug!", "name", " "));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("fieldErrors").findValuesAsText("field")).containsExactlyInAnyOrder("slug", "name");
        assertThat(refused.json().get("message").asText()).contains("slug").contains("name");
        assertThat(operator.get("/api/v1/tenants").json().findValuesAsText("slug")).doesNotContain("Not A Slug!");
    }

    @Test
    void malformedJsonAndMissingBodyAre400NotServerErrors() {
        assertThat(operator.post("/api/v1/tenants", "{\"slug\":").status()).isEqualTo(400);
        Answer noBody = operator.send("POST", "/api/v1/tenants", "null");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.json().get("fieldErrors").findValuesAsText("field")).contains("body");
    }

    @Test
    void duplicateSlugIsAConflict() {
        String slug = newTenant(false);
        Answer again = operator.post("/api/v1/tenants", body("slug", slug, "name", "Again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("slug");
    }

    @Test
    void staleVersionIsAConflictAndTheFirstWriterWins() {
        String slug = newTenant(false);
        long version = operator.get("/api/v1/tenants/" + slug).json().get("version").asLong();

        Answer first = operator.put("/api/v1/tenants/" + slug, body("name", "First", "ssoAllowed", true, "version", version));
        Answer second = operator.put("/api/v1/tenants/" + slug, body("name", "Second", "ssoAllowed", false, "version", version));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("version");
        JsonNode now = operator.get("/api/v1/tenants/" + slug).json();
        assertThat(now.get("name").asText()).isEqualTo("First");
        assertThat(now.get("ssoAllowed").asBoolean()).isTrue();
    }

    @Test
    void faxLinesAreCreatedValidatedUpdatedAndDeleted() {
        String slug = newTenant(false);
        String lines = "/api/v1/tenants/" + slug + "/fax-lines";
        String number = "+49" + (100000000L + (long) (Math.random() * 899999999L));

        Answer bad = operator.post(lines, body("number", "030 1234", "label", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("fieldErrors").findValuesAsText("field")).containsExactlyInAnyOrder("number", "label");

        Answer created = operator.post(lines, body("number", number, "label", "Front desk"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(operator.post(lines, body("number", number, "label", "Twice")).status()).as("numbers are unique").isEqualTo(409);

        long version = created.json().get("version").asLong();
        Answer relabelled = operator.put(lines + "/" + id, body("label", "Reception", "version", version));
        assertThat(relabelled.json().get("label").asText()).isEqualTo("Reception");
        assertThat(operator.put(lines + "/" + id, body("label", "Lost update", "version", version)).status()).isEqualTo(409);

        assertThat(operator.delete(lines + "/" + id).status()).isEqualTo(204);
        assertThat(operator.get(lines + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void groupsAreBoundToLinesAndUsersReachTheUnionOfTheirGroupsLines() {
        String slug = newTenant(false);
        String base = "/api/v1/tenants/" + slug;
        long sales = operator.post(base + "/security-groups", body("externalId", UUID.randomUUID().toString(), "displayName", "Sales")).json().get("id").asLong();
        long support = operator.post(base + "/security-groups", body("externalId", UUID.randomUUID().toString(), "displayName", "Support")).json().get("id").asLong();
        long line1 = operator.post(base + "/fax-lines", body("number", randomNumber(), "label", "Sales line")).json().get("id").asLong();
        long line2 = operator.post(base + "/fax-lines", body("number", randomNumber(), "label", "Support line")).json().get("id").asLong();
        long line3 = operator.post(base + "/fax-lines", body("number", randomNumber(), "label", "Nobody's line")).json().get("id").asLong();

        Answer bound = operator.put(base + "/security-groups/" + sales + "/fax-lines/" + line1, null);
        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
        assertThat(bound.json().get("boundGroupIds").get(0).asLong()).isEqualTo(sales);
        assertThat(operator.put(base + "/security-groups/" + sales + "/fax-lines/" + line1, null).status()).as("idempotent").isEqualTo(200);
        operator.put(base + "/security-groups/" + support + "/fax-lines/" + line2, null);

        long alice = TestData.user(slug, "alice@" + slug + ".test", "Alice");
        TestData.membership(slug, sales, alice);
        TestData.membership(slug, support, alice);

        JsonNode detail = operator.get(base + "/users/" + alice).json();
        assertThat(detail.get("groups").findValuesAsText("displayName")).containsExactly("Sales", "Support");
        assertThat(detail.get("faxLines").findValues("id").stream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrder(line1, line2).doesNotContain(line3);

        assertThat(operator.delete(base + "/security-groups/" + sales + "/fax-lines/" + line1).status()).isEqualTo(200);
        assertThat(operator.get(base + "/users/" + alice).json().get("faxLines").findValues("id").stream().map(JsonNode::asLong).toList())
                .containsExactly(line2);
    }

    @Test
    void usersArePagedAndSearched() {
        String slug = newTenant(false);
        for (int i = 0; i < 7; i++) {
            TestData.user(slug, "user" + i + "@" + slug + ".test", i % 2 == 0 ? "Even Person " + i : "Odd Person " + i);
        }
        TestData.user(slug, "percent%@" + slug + ".test", "Literal Percent");
        String users = "/api/v1/tenants/" + slug + "/users";

        JsonNode page0 = operator.get(users + "?page=0&size=3").json();
        JsonNode page2 = operator.get(users + "?page=2&size=3").json();
        assertThat(page0.get("total").asLong()).isEqualTo(8);
        assertThat(page0.get("items")).hasSize(3);
        assertThat(page2.get("items")).hasSize(2);
        assertThat(operator.get(users + "?search=ODD").json().get("total").asLong()).isEqualTo(3);
        assertThat(operator.get(users + "?search=%25").json().get("total").asLong()).as("% is literal").isEqualTo(1);

        Answer tooBig = operator.get(users + "?size=100000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("size");
    }

    @Test
    void ssoSettingsShowOurEndpointsValidateEveryFieldAndSaveAllOrNothing() {
        String slug = newTenant(true);
        String sso = "/api/v1/tenants/" + slug + "/sso";
        JsonNode initial = operator.get(sso).json();
        assertThat(initial.get("consumeEndpoint").asText()).isEqualTo(FaxgateApi.BASE_URL + "/sso/" + slug + "/acs");
        assertThat(initial.get("redirectEndpoint").asText()).isEqualTo(FaxgateApi.BASE_URL + "/sso/" + slug + "/login");
        assertThat(initial.get("enabled").asBoolean()).isFalse();

        Answer refused = operator.put(sso, body("enabled", true, "mode", "EVERYTHING", "scope", "BOTH",
                "loginEndpoint", "http://login.microsoftonline.com/x/saml2", "clientId", "api://abc",
                "certificates", List.of("not a certificate"), "clockSkewSeconds", 9999));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("fieldErrors").findValuesAsText("field"))
                .contains("mode", "loginEndpoint", "clientId", "certificates[0]", "clockSkewSeconds");
        assertThat(operator.get(sso).json().get("version").asLong()).as("nothing saved").isEqualTo(initial.get("version").asLong());

        String tenantGuid = "11111111-2222-3333-4444-555555555555";
        String clientId = UUID.randomUUID().toString();
        String certificate = TestData.certificatePem("Microsoft Azure Federated SSO Certificate", Instant.now().plus(20, ChronoUnit.DAYS));
        String withoutArmour = certificate.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "");
        Answer saved = operator.put(sso, body("enabled", true, "mode", "AUTHENTICATION_AND_PERMISSIONS", "scope", "WEB_STAFF",
                "loginEndpoint", "https://login.microsoftonline.com/" + tenantGuid + "/saml2", "clientId", clientId,
                "certificates", List.of(withoutArmour), "allowIdpInitiated", true, "requireMfa", false, "clockSkewSeconds", 120));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode view = saved.json();
        assertThat(view.get("metadataEndpoint").asText()).isEqualTo("api://" + clientId);
        assertThat(view.get("effectiveIdpEntityId").asText()).isEqualTo("https://sts.windows.net/" + tenantGuid + "/");
        assertThat(view.get("certificates").get(0).asText()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(view.get("certificateDetails").get(0).get("expiryWarning").asText()).contains("30 days");
        assertThat(view.get("certificateDetails").get(0).get("thumbprintSha1").asText()).hasSize(40);
    }

    @Test
    void ssoCannotBeEnabledUntilTheOperatorAllowsIt() {
        String slug = newTenant(false);
        Answer refused = operator.put("/api/v1/tenants/" + slug + "/sso", body("enabled", true, "mode", "AUTHENTICATION_ONLY",
                "scope", "BOTH", "loginEndpoint", "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/saml2",
                "clientId", UUID.randomUUID().toString(),
                "certificates", List.of(TestData.certificatePem("idp", Instant.now().plus(400, ChronoUnit.DAYS)))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("fieldErrors").findValuesAsText("field")).containsExactly("enabled");
    }

    @Test
    void healthAndOpenApiArePublished() {
        Answer health = FaxgateApi.anonymous().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.raw().body()).contains("faxgate-database").contains("UP");
        Answer openapi = FaxgateApi.anonymous().send("GET", "/openapi", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.raw().body()).contains("/api/v1/tenants/{slug}/sso").contains("/api/v1/me");
        assertThat(openapi.raw().body()).as("the audit API, the metrics endpoint and the security-event schema")
                .contains("/api/v1/tenants/{slug}/audit-events").contains("/api/v1/tenants/{slug}/audit-events/verification")
                .contains("/api/v1/audit-events").contains("/api/v1/audit-events/verification")
                .contains("/metrics").contains("SecurityEvent").contains("faxgate.security-event/1");
    }

    private static String randomNumber() {
        return "+1" + (2000000000L + (long) (Math.random() * 7999999999L));
    }
}
