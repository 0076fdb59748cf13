package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.FaxgateApi.Answer;
import io.faxgate.it.browser.Browser;
import io.faxgate.it.browser.KeycloakLoginPage;
import io.faxgate.it.idp.KeycloakIdp;
import io.faxgate.it.idp.KeycloakIdp.TestUser;
import io.faxgate.it.idp.SamlClientSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Company sign-in from the sign-in page: a verified e-mail domain sends its people to their company's IdP; anything
 * else gets one and the same answer, so the page tells nobody which companies exist.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompanySignInIT {

    private static final Path ARTIFACTS = Path.of("target", "company-sign-in-it");
    private final FaxgateApi operator = FaxgateApi.operator();

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @Test
    void aVerifiedDomainSendsStaffFromTheSignInPageToTheirCompanysIdp() {
        KeycloakIdp idp = KeycloakIdp.get();
        String slug = "cs-" + UUID.randomUUID().toString().substring(0, 8);
        String domain = slug + ".example";
        String clientId = UUID.randomUUID().toString();
        assertThat(operator.post("/api/v1/tenants", body("slug", slug, "name", "Company " + slug, "ssoAllowed", true)).status()).isEqualTo(201);
        idp.registerSamlClient(SamlClientSpec.forFaxgate(FaxgateApi.BASE_URL, slug, clientId));
        Answer saved = operator.put("/api/v1/tenants/" + slug + "/sso", body("enabled", true, "mode", "AUTHENTICATION_ONLY",
                "scope", "BOTH", "loginEndpoint", idp.loginEndpoint(), "idpEntityId", idp.entityId(), "clientId", clientId,
                "certificates", List.of(idp.signingCertificatePem())));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        Answer verified = operator.put("/api/v1/tenants/" + slug + "/email-domains/" + domain.toUpperCase(), null);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(201);
        assertThat(verified.json().get("domain").asText()).isEqualTo(domain);
        assertThat(verified.json().get("verified").asBoolean()).as("the operator's PUT verifies").isTrue();
        String name = "hal-" + slug;
        TestUser hal = idp.createUser(name, "Pw-" + UUID.randomUUID(), name + "@" + domain, "Hal", "Hill", UUID.randomUUID().toString());

        try (Browser browser = Browser.open()) {
            browser.get(FaxgateApi.BASE_URL + "/login.xhtml");
            browser.type(By.id("companyEmail"), "someone@unknown-" + slug + ".example");
            browser.click(By.id("companySubmit"));
            browser.waitFor(By.id("companyNotFound"));
            browser.saveArtifacts(ARTIFACTS, "unknown-domain");

            browser.type(By.id("companyEmail"), hal.email());
            browser.click(By.id("companySubmit"));
            browser.waitUntil(d -> KeycloakLoginPage.isShown(browser), Duration.ofSeconds(30));
            browser.saveArtifacts(ARTIFACTS, "company-idp");
            KeycloakLoginPage.signIn(browser, hal.username(), hal.password());
            browser.waitFor(By.id("caller"), Duration.ofSeconds(30));
            browser.get(FaxgateApi.BASE_URL + "/api/v1/me");
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("\"tenant\":\"" + slug + "\"")
                    .contains(hal.email());
        }
    }

    @Test
    void unknownUnverifiedAndSsoLessDomainsAllGetTheSameAnswer() {
        String withoutSso = "nosso-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(operator.post("/api/v1/tenants", body("slug", withoutSso, "name", withoutSso, "ssoAllowed", true)).status()).isEqualTo(201);
        assertThat(operator.put("/api/v1/tenants/" + withoutSso + "/email-domains/" + withoutSso + ".example", null).status()).isEqualTo(201);
        String claimed = "claim-" + UUID.randomUUID().toString().substring(0, 8);
        SamlFlows.SsoTenant sso = SamlFlows.ssoTenant(java.util.Map.of());
        FaxgateApi admin = tenantAdmin(sso.slug());
        Answer claim = admin.put("/api/v1/tenants/" + sso.slug() + "/email-domains/" + claimed + ".example", null);
        assertThat(claim.status()).as(claim.toString()).isEqualTo(201);
        assertThat(claim.json().get("verified").asBoolean()).as("a tenant admin's claim waits for the operator").isFalse();
        assertThat(claim.json().get("verificationRecord").asText()).startsWith("faxgate-domain-verification=");

        String[] addresses = {"a@" + withoutSso + ".example", "b@" + claimed + ".example", "c@nowhere-" + claimed + ".example",
                "not-an-address", ""};
        String expected = null;
        for (String address : addresses) {
            SignInLimitIT.Raw answer = companySignIn(address, someLoopbackAddress());
            String shape = answer.status() + " " + answer.body();
            assertThat(shape).as(address).contains("/login.xhtml?company=none");
            expected = expected == null ? shape : expected;
            assertThat(shape).as("same answer for " + address).isEqualTo(expected);
        }
        // Verified by the operator: now it goes to the company's sign-in.
        assertThat(operator.put("/api/v1/tenants/" + sso.slug() + "/email-domains/" + claimed + ".example", null).status()).isEqualTo(200);
        SignInLimitIT.Raw known = companySignIn("b@" + claimed.toUpperCase() + ".example", someLoopbackAddress());
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.body()).contains("url=/sso/" + sso.slug() + "/login\"");
    }

    @Test
    void aDomainBelongsToOneCompanyAndOnlyTheOperatorVerifies() {
        String domain = "one-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        SamlFlows.SsoTenant a = SamlFlows.ssoTenant(java.util.Map.of());
        SamlFlows.SsoTenant b = SamlFlows.ssoTenant(java.util.Map.of());
        FaxgateApi adminA = tenantAdmin(a.slug());
        FaxgateApi adminB = tenantAdmin(b.slug());
        assertThat(adminA.put("/api/v1/tenants/" + a.slug() + "/email-domains/" + domain, null).status()).isEqualTo(201);
        Answer again = adminA.put("/api/v1/tenants/" + a.slug() + "/email-domains/" + domain, null);
        assertThat(again.status()).as("idempotent").isEqualTo(200);
        assertThat(again.json().get("verified").asBoolean()).as("an admin cannot verify by repeating the claim").isFalse();
        Answer taken = adminB.put("/api/v1/tenants/" + b.slug() + "/email-domains/" + domain.toUpperCase(), null);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("domain");
        assertThat(taken.raw().body()).doesNotContain(a.slug());
        Answer operatorToo = operator.put("/api/v1/tenants/" + b.slug() + "/email-domains/" + domain, null);
        assertThat(operatorToo.status()).as("one company per domain, for the operator too").isEqualTo(409);
        assertThat(adminB.get("/api/v1/tenants/" + a.slug() + "/email-domains").status()).as("tenant isolation").isEqualTo(404);
        assertThat(adminB.delete("/api/v1/tenants/" + b.slug() + "/email-domains/" + domain).status()).isEqualTo(404);
        Answer bad = adminA.put("/api/v1/tenants/" + a.slug() + "/email-domains/" + URLEncoder.encode("https://x", StandardCharsets.UTF_8), null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("domain");
        assertThat(adminA.delete("/api/v1/tenants/" + a.slug() + "/email-domains/" + domain).status()).isEqualTo(204);
        assertThat(adminB.put("/api/v1/tenants/" + b.slug() + "/email-domains/" + domain, null).status()).as("free again").isEqualTo(201);
    }

    @Test
    void companySignInIsLimitedPerAddress() {
        String address = someLoopbackAddress();
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            SignInLimitIT.Raw answer = companySignIn("x" + i + "@guess-" + i + ".example", address);
            if (answer.status() == 429) {
                limited++;
                assertThat(answer.headers()).containsKey("retry-after");
            }
        }
        assertThat(limited).as("10 a minute per address by default").isEqualTo(2);
    }

    private FaxgateApi tenantAdmin(String slug) {
        String name = "admin-" + slug;
        String password = "admin-password-" + slug;
        assertThat(operator.post("/api/v1/tenants/" + slug + "/admins", body("username", name, "password", password, "breakGlass", true)).status())
                .isEqualTo(201);
        return FaxgateApi.as(name, password);
    }

    /** The sign-in page's form, posted from a loopback address of its own (the server sees it as the client's). */
    private static SignInLimitIT.Raw companySignIn(String email, String from) {
        return SignInLimitIT.request(from, "POST", "/company-sign-in", java.util.Map.of("Content-Type",
                "application/x-www-form-urlencoded"), "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
    }

    private static String someLoopbackAddress() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "127." + r.nextInt(1, 250) + "." + r.nextInt(1, 250) + "." + r.nextInt(2, 250);
    }
}
