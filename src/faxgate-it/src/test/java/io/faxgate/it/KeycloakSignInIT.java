package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.FaxgateApi.Answer;
import io.faxgate.it.browser.Browser;
import io.faxgate.it.browser.KeycloakLoginPage;
import io.faxgate.it.idp.KeycloakIdp;
import io.faxgate.it.idp.KeycloakIdp.RegisteredClient;
import io.faxgate.it.idp.KeycloakIdp.TestUser;
import io.faxgate.it.idp.SamlClientSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * End to end through a real IdP and a real browser: Keycloak (emitting Entra's claim names) on 127.0.0.1, Faxgate on
 * localhost — different sites, so the ACS POST is cross-site exactly as from login.microsoftonline.com.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeycloakSignInIT {

    private static final Path ARTIFACTS = Path.of("target", "keycloak-sign-in-it");
    private static KeycloakIdp idp;
    private static String slug;
    private static TestUser alice;
    private static long salesLine;

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @BeforeAll
    static void tenantConnectedToKeycloak() {
        idp = KeycloakIdp.get();
        FaxgateApi operator = FaxgateApi.operator();
        slug = "kc-" + UUID.randomUUID().toString().substring(0, 8);
        String clientId = UUID.randomUUID().toString();
        assertThat(operator.post("/api/v1/tenants", body("slug", slug, "name", "Keycloak Corp", "ssoAllowed", true)).status()).isEqualTo(201);
        RegisteredClient client = idp.registerSamlClient(SamlClientSpec.forFaxgate(FaxgateApi.BASE_URL, slug, clientId));
        Answer saved = operator.put("/api/v1/tenants/" + slug + "/sso", body("enabled", true, "mode", "AUTHENTICATION_AND_PERMISSIONS",
                "scope", "BOTH", "loginEndpoint", idp.loginEndpoint(), "idpEntityId", idp.entityId(), "clientId", clientId,
                "certificates", List.of(idp.signingCertificatePem()), "allowIdpInitiated", true));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        String salesGroup = idp.createEntraGroup();
        String base = "/api/v1/tenants/" + slug;
        long group = operator.post(base + "/security-groups", body("externalId", salesGroup, "displayName", "Sales")).json().get("id").asLong();
        salesLine = operator.post(base + "/fax-lines", body("number", "+6" + (100000000L + System.nanoTime() % 899999999L), "label", "Sales"))
                .json().get("id").asLong();
        operator.put(base + "/security-groups/" + group + "/fax-lines/" + salesLine, null);
        idp.createClientRole(client, "Fax.Admin");
        operator.post(base + "/role-mappings", body("claimValue", "Fax.Admin", "permission", "MANAGE_FAX_LINES"));

        String name = "alice-" + slug;
        alice = idp.createUser(name, "Pw-" + UUID.randomUUID(), name + "@keycloak.test", "Alice", "Adams", UUID.randomUUID().toString());
        idp.addToGroup(alice, salesGroup);
        idp.grantClientRole(alice, client, "Fax.Admin");
    }

    @Test
    void spInitiatedSignInThenSingleLogout() {
        try (Browser browser = Browser.open()) {
            browser.get(FaxgateApi.BASE_URL + "/sso/" + slug + "/login");
            browser.waitUntil(d -> KeycloakLoginPage.isShown(browser), Duration.ofSeconds(30));
            KeycloakLoginPage.signIn(browser, alice.username(), alice.password());
            browser.waitFor(By.id("caller"), Duration.ofSeconds(30));
            browser.saveArtifacts(ARTIFACTS, "sp-initiated-signed-in");
            assertThat(browser.currentUrl()).startsWith(FaxgateApi.BASE_URL + "/");

            browser.get(FaxgateApi.BASE_URL + "/api/v1/me");
            String me = browser.driver().findElement(By.tagName("body")).getText();
            assertThat(me).contains("\"tenant\":\"" + slug + "\"").contains("\"email\":\"" + alice.email() + "\"")
                    .contains("MANAGE_FAX_LINES").contains("\"id\":" + salesLine);

            browser.get(FaxgateApi.BASE_URL + "/");
            browser.click(By.id("singleLogout"));
            try {
                browser.waitUntil(d -> d.getPageSource().contains("Signed out"), Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                browser.saveArtifacts(ARTIFACTS, "single-logout-failed");
                throw new AssertionError("single logout did not finish at " + browser.currentUrl(), e);
            }
            browser.saveArtifacts(ARTIFACTS, "single-logout");
            assertThat(browser.pageSource()).contains("You are signed out of Faxgate and of your company");

            browser.get(FaxgateApi.BASE_URL + "/api/v1/me");
            assertThat(browser.pageSource()).as("no longer signed in (401 with a Basic challenge)").doesNotContain("\"tenant\"");
            browser.get(FaxgateApi.BASE_URL + "/sso/" + slug + "/login");
            browser.waitUntil(d -> KeycloakLoginPage.isShown(browser), Duration.ofSeconds(30));
            assertThat(KeycloakLoginPage.isShown(browser)).as("the IdP session ended too: Keycloak asks again").isTrue();
        }
    }

    @Test
    void idpInitiatedSignInFromThePortal() {
        try (Browser browser = Browser.open()) {
            browser.get(idp.idpInitiatedUrl(slug));
            browser.waitUntil(d -> KeycloakLoginPage.isShown(browser), Duration.ofSeconds(30));
            KeycloakLoginPage.signIn(browser, alice.username(), alice.password());
            browser.waitFor(By.id("caller"), Duration.ofSeconds(30));
            browser.saveArtifacts(ARTIFACTS, "idp-initiated-signed-in");
            browser.get(FaxgateApi.BASE_URL + "/api/v1/me");
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("\"tenant\":\"" + slug + "\"");
        }
    }
}
