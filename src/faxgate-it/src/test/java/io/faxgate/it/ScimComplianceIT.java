package io.faxgate.it;

import static io.faxgate.it.ScimEndpoint.assertScimError;
import static io.faxgate.it.ScimEndpoint.filter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
}
