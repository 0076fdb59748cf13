package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.FaxgateApi.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant A's administrator tries every endpoint against tenant B — B's slug, and B's ids under A's slug. Every
 * attempt must answer 404 (never 403, never data), exactly like a thing that does not exist.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantIsolationIT {

    private static final String A = "iso-a-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String B = "iso-b-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String ADMIN_A = "admin@" + A;
    private static final String PASSWORD_A = "correct-horse-battery-" + UUID.randomUUID();
    private static long lineOfB;
    private static long groupOfB;
    private static long userOfB;
    private static long mappingOfB;

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @BeforeAll
    static void twoTenants() {
        FaxgateApi operator = FaxgateApi.operator();
        for (String slug : List.of(A, B)) {
            Answer created = operator.post("/api/v1/tenants", body("slug", slug, "name", slug, "ssoAllowed", true));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        assertThat(operator.post("/api/v1/tenants/" + A + "/admins", body("username", ADMIN_A, "password", PASSWORD_A)).status()).isEqualTo(201);
        lineOfB = operator.post("/api/v1/tenants/" + B + "/fax-lines", body("number", "+44" + (1000000000L + System.nanoTime() % 999999999L), "label", "B"))
                .json().get("id").asLong();
        groupOfB = operator.post("/api/v1/tenants/" + B + "/security-groups", body("externalId", UUID.randomUUID().toString(), "displayName", "B group"))
                .json().get("id").asLong();
        userOfB = TestData.user(B, "bob@" + B + ".test", "Bob");
        assertThat(operator.put("/api/v1/tenants/" + B + "/email-domains/" + B + ".example", null).status()).isEqualTo(201);
        mappingOfB = operator.post("/api/v1/tenants/" + B + "/role-mappings", body("claimValue", "Fax.Admin", "permission", "MANAGE_SSO"))
                .json().get("id").asLong();
    }

    @Test
    void tenantAdminWorksInTheirOwnTenant() {
        FaxgateApi adminA = FaxgateApi.as(ADMIN_A, PASSWORD_A);
        assertThat(adminA.get("/api/v1/tenants/" + A).status()).isEqualTo(200);
        assertThat(adminA.get("/api/v1/tenants/" + A + "/fax-lines").status()).isEqualTo(200);
        assertThat(adminA.get("/api/v1/tenants/" + A + "/sso").status()).isEqualTo(200);
        assertThat(adminA.get("/api/v1/me").json().get("tenant").asText()).isEqualTo(A);
    }

    @Test
    void noEndpointLeaksAnotherTenantsData() {
        FaxgateApi adminA = FaxgateApi.as(ADMIN_A, PASSWORD_A);
        String b = "/api/v1/tenants/" + B;
        String a = "/api/v1/tenants/" + A;
        List<String[]> attempts = List.of(
                new String[] {"GET", b, null},
                new String[] {"GET", b + "/fax-lines", null},
                new String[] {"POST", b + "/fax-lines", "{\"number\":\"+4915199999999\",\"label\":\"x\"}"},
                new String[] {"GET", b + "/fax-lines/" + lineOfB, null},
                new String[] {"PUT", b + "/fax-lines/" + lineOfB, "{\"label\":\"x\",\"version\":1}"},
                new String[] {"DELETE", b + "/fax-lines/" + lineOfB, null},
                new String[] {"GET", b + "/security-groups", null},
                new String[] {"POST", b + "/security-groups", "{\"externalId\":\"x\",\"displayName\":\"x\"}"},
                new String[] {"GET", b + "/security-groups/" + groupOfB, null},
                new String[] {"PUT", b + "/security-groups/" + groupOfB + "/fax-lines/" + lineOfB, null},
                new String[] {"DELETE", b + "/security-groups/" + groupOfB + "/fax-lines/" + lineOfB, null},
                new String[] {"GET", b + "/users", null},
                new String[] {"GET", b + "/users/" + userOfB, null},
                new String[] {"GET", b + "/sso", null},
                new String[] {"PUT", b + "/sso", "{\"enabled\":false,\"mode\":\"AUTHENTICATION_ONLY\",\"scope\":\"BOTH\"}"},
                new String[] {"GET", b + "/role-mappings", null},
                new String[] {"POST", b + "/role-mappings", "{\"claimValue\":\"x\",\"permission\":\"MANAGE_SSO\"}"},
                new String[] {"DELETE", b + "/role-mappings/" + mappingOfB, null},
                new String[] {"GET", b + "/users/" + userOfB + "/permissions", null},
                new String[] {"PUT", b + "/users/" + userOfB + "/permissions/MANAGE_SSO", null},
                new String[] {"DELETE", b + "/users/" + userOfB + "/permissions/MANAGE_SSO", null},
                new String[] {"PUT", b + "/users/" + userOfB + "/active", "{\"active\":false,\"version\":1}"},
                new String[] {"GET", b + "/users/" + userOfB + "/console-password", null},
                new String[] {"POST", b + "/users/" + userOfB + "/console-password", null},
                new String[] {"DELETE", b + "/users/" + userOfB + "/console-password", null},
                // B's ids under A's own slug
                new String[] {"GET", a + "/fax-lines/" + lineOfB, null},
                new String[] {"PUT", a + "/fax-lines/" + lineOfB, "{\"label\":\"x\",\"version\":1}"},
                new String[] {"DELETE", a + "/fax-lines/" + lineOfB, null},
                new String[] {"GET", a + "/security-groups/" + groupOfB, null},
                new String[] {"PUT", a + "/security-groups/" + groupOfB + "/fax-lines/" + lineOfB, null},
                new String[] {"GET", a + "/users/" + userOfB, null},
                new String[] {"DELETE", a + "/role-mappings/" + mappingOfB, null},
                new String[] {"GET", a + "/users/" + userOfB + "/permissions", null},
                new String[] {"PUT", a + "/users/" + userOfB + "/permissions/MANAGE_SSO", null},
                new String[] {"PUT", a + "/users/" + userOfB + "/active", "{\"active\":false,\"version\":1}"},
                new String[] {"GET", a + "/users/" + userOfB + "/console-password", null},
                new String[] {"POST", a + "/users/" + userOfB + "/console-password", null},
                new String[] {"DELETE", a + "/users/" + userOfB + "/console-password", null},
                new String[] {"GET", b + "/email-domains", null},
                new String[] {"PUT", b + "/email-domains/" + B + ".example", null},
                new String[] {"DELETE", b + "/email-domains/" + B + ".example", null},
                new String[] {"DELETE", a + "/email-domains/" + B + ".example", null});

        List<String> leaks = new ArrayList<>();
        for (String[] attempt : attempts) {
            Answer answer = adminA.send(attempt[0], attempt[1], attempt[2]);
            if (answer.status() != 404) {
                leaks.add(attempt[0] + " " + attempt[1] + " -> " + answer);
            }
        }
        assertThat(leaks).as("%d cross-tenant attempts, expected all 404", attempts.size()).isEmpty();
        assertThat(FaxgateApi.operator().get(b + "/fax-lines/" + lineOfB).json().get("label").asText())
                .as("B's line untouched").isEqualTo("B");
        assertThat(FaxgateApi.operator().get(b + "/users/" + userOfB + "/console-password").status())
                .as("no console password was set for B's user").isEqualTo(404);
    }
}
