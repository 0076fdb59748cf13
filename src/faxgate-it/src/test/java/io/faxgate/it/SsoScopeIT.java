package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.FaxgateApi.Answer;
import io.faxgate.it.browser.Browser;
import io.faxgate.it.browser.KeycloakLoginPage;
import io.faxgate.it.idp.KeycloakIdp;
import io.faxgate.it.idp.KeycloakIdp.RegisteredClient;
import io.faxgate.it.idp.KeycloakIdp.TestUser;
import io.faxgate.it.idp.SamlClientSpec;
import io.faxgate.formats.Pem;
import io.faxgate.sso.saml.fixture.EntraIdp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The SSO scope decides which parts of Faxgate accept a SAML session (Keyfax: "for the Administration Tool only, or
 * Web Staff only, or both"), on every request: a scope change reaches sessions that are already open.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SsoScopeIT {

    private static final Path ARTIFACTS = Path.of("target", "sso-scope-it");
    private static final String GROUP_SALES = "8d0b6f8e-aaaa-4bbb-8ccc-000000000001";
    private final FaxgateApi operator = FaxgateApi.operator();

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    /** Chromium through Keycloak: an admin-role holder signed in by SAML under scope WEB_STAFF stays out of /admin. */
    @Test
    void scopeWebStaffKeepsASamlSessionOutOfTheAdminTool() {
        KeycloakIdp idp = KeycloakIdp.get();
        String slug = "scope-" + UUID.randomUUID().toString().substring(0, 8);
        String clientId = UUID.randomUUID().toString();
        String base = "/api/v1/tenants/" + slug;
        assertThat(operator.post("/api/v1/tenants", body("slug", slug, "name", "Scope Corp", "ssoAllowed", true)).status()).isEqualTo(201);
        RegisteredClient client = idp.registerSamlClient(SamlClientSpec.forFaxgate(FaxgateApi.BASE_URL, slug, clientId));
        Map<String, Object> settings = body("enabled", true, "mode", "AUTHENTICATION_AND_PERMISSIONS", "scope", "WEB_STAFF",
                "loginEndpoint", idp.loginEndpoint(), "idpEntityId", idp.entityId(), "clientId", clientId,
                "certificates", List.of(idp.signingCertificatePem()));
        Answer saved = operator.put(base + "/sso", settings);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String staffGroup = idp.createEntraGroup();
        operator.post(base + "/security-groups", body("externalId", staffGroup, "displayName", "Staff"));
        operator.post(base + "/role-mappings", body("claimValue", staffGroup, "permission", "VIEW_FAXES"));
        idp.createClientRole(client, "Fax.Admin");
        operator.post(base + "/role-mappings", body("claimValue", "Fax.Admin", "permission", "MANAGE_FAX_LINES"));
        String name = "dora-" + slug;
        TestUser dora = idp.createUser(name, "Pw-" + UUID.randomUUID(), name + "@keycloak.test", "Dora", "Dale", UUID.randomUUID().toString());
        idp.addToGroup(dora, staffGroup);
        idp.grantClientRole(dora, client, "Fax.Admin");

        try (Browser browser = Browser.open()) {
            browser.get(FaxgateApi.BASE_URL + "/sso/" + slug + "/login");
            browser.waitUntil(d -> KeycloakLoginPage.isShown(browser), Duration.ofSeconds(30));
            KeycloakLoginPage.signIn(browser, dora.username(), dora.password());
            browser.waitUntil(d -> d.getCurrentUrl().startsWith(FaxgateApi.BASE_URL + "/console"), Duration.ofSeconds(30));
            browser.saveArtifacts(ARTIFACTS, "web-staff-console");
            assertThat(meText(browser)).as("only the staff console's permissions count").contains("VIEW_FAXES")
                    .doesNotContain("MANAGE_FAX_LINES");

            browser.get(FaxgateApi.BASE_URL + "/admin/lines.xhtml");
            browser.saveArtifacts(ARTIFACTS, "admin-refused");
            assertThat(browser.title()).as("the admin tool refuses the SAML session").startsWith("Not allowed");
            browser.get(FaxgateApi.BASE_URL + base + "/fax-lines");
            assertThat(browser.pageSource()).as("the admin API refuses too").doesNotContain("\"number\"");

            // The scope is read on every request: BOTH lets the open session into the admin tool, no new sign-in.
            settings.put("scope", "BOTH");
            assertThat(operator.put(base + "/sso", settings).status()).isEqualTo(200);
            assertThat(meText(browser)).contains("MANAGE_FAX_LINES").contains("VIEW_FAXES");
            browser.get(FaxgateApi.BASE_URL + "/admin/lines.xhtml");
            browser.saveArtifacts(ARTIFACTS, "admin-after-scope-both");
            assertThat(browser.title()).endsWith("Faxgate admin");
        }
    }

    /** Over HTTP: under ADMIN_TOOL a SAML session reaches the admin API but not the staff console or its API. */
    @Test
    void scopeAdminToolKeepsASamlSessionOutOfTheStaffConsoleAndItsApi() {
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of("scope", "ADMIN_TOOL"));
        String base = "/api/v1/tenants/" + tenant.slug();
        long sales = operator.post(base + "/security-groups", body("externalId", GROUP_SALES, "displayName", "Sales")).json().get("id").asLong();
        long line = operator.post(base + "/fax-lines", body("number", FaxAccessIT.number(), "label", "Sales")).json().get("id").asLong();
        operator.put(base + "/security-groups/" + sales + "/fax-lines/" + line, null);
        operator.post(base + "/role-mappings", body("claimValue", "Fax.Operator", "permission", "MANAGE_FAX_LINES"));
        operator.post(base + "/role-mappings", body("claimValue", GROUP_SALES, "permission", "VIEW_FAXES"));

        SamlBrowser browser = new SamlBrowser();
        browser.followLocal(SamlFlows.signIn(browser, tenant, r -> { }));
        JsonNode me = SamlFlows.me(browser);
        assertThat(me.get("permissions").toString()).contains("MANAGE_FAX_LINES").doesNotContain("VIEW_FAXES");
        assertThat(browser.get(base + "/fax-lines").statusCode()).as("admin tool: in scope").isEqualTo(200);
        assertThat(browser.get("/api/v1/me/fax-lines").statusCode()).as("staff API: out of scope").isEqualTo(403);
        assertThat(browser.get("/console/index.xhtml").statusCode()).as("staff console: out of scope").isEqualTo(403);

        // Scope WEB_STAFF, on the next request of the same session: the other way round.
        Answer changed = operator.put(base + "/sso", settingsOf(tenant, "WEB_STAFF"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(browser.get(base + "/fax-lines").statusCode()).isEqualTo(403);
        HttpResponse<String> faxes = browser.get("/api/v1/me/fax-lines");
        assertThat(faxes.statusCode()).as(faxes.body()).isEqualTo(200);
    }

    /**
     * The mode applies to the parts in scope: with scope WEB_STAFF in "Authentication and permissions", admin-tool
     * permissions are still granted in Faxgate; web staff permissions are read-only (Entra decides).
     */
    @Test
    void theModeAppliesToThePartsInScope() {
        SamlFlows.SsoTenant tenant = SamlFlows.ssoTenant(Map.of("scope", "WEB_STAFF"));
        String base = "/api/v1/tenants/" + tenant.slug();
        long userId = TestData.user(tenant.slug(), "erin." + tenant.slug(), "Erin");
        Answer admin = operator.put(base + "/users/" + userId + "/permissions/MANAGE_FAX_LINES", null);
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
        assertThat(admin.json().get("editable").asBoolean()).isTrue();
        assertThat(admin.raw().body()).contains("MANAGE_FAX_LINES").contains("granted in Faxgate");
        Answer staff = operator.put(base + "/users/" + userId + "/permissions/VIEW_FAXES", null);
        assertThat(staff.status()).as("web staff: Entra decides").isEqualTo(409);
        assertThat(staff.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("mode");
    }

    /** A console password never reaches a part SSO covers: under ADMIN_TOOL its admin permissions do not count. */
    @Test
    void aConsolePasswordDoesNotReachTheAdminToolWhereSsoApplies() {
        String slug = "cpw-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/v1/tenants/" + slug;
        assertThat(operator.post("/api/v1/tenants", body("slug", slug, "name", slug, "ssoAllowed", true)).status()).isEqualTo(201);
        String name = "fay." + slug;
        long fay = TestData.user(slug, name, "Fay");
        assertThat(operator.put(base + "/users/" + fay + "/permissions/VIEW_FAXES", null).status()).isEqualTo(200);
        assertThat(operator.put(base + "/users/" + fay + "/permissions/MANAGE_FAX_LINES", null).status()).isEqualTo(200);
        Answer created = operator.post(base + "/users/" + fay + "/console-password", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        FaxgateApi asFay = FaxgateApi.as(created.json().get("username").asText(), created.json().get("password").asText());
        assertThat(asFay.get(base + "/fax-lines").status()).as("SSO off: the password reaches both parts").isEqualTo(200);

        Map<String, Object> settings = settingsOf(new SamlFlows.SsoTenant(slug, UUID.randomUUID().toString()), "ADMIN_TOOL");
        settings.put("mode", "AUTHENTICATION_ONLY");
        Answer ssoOn = operator.put(base + "/sso", settings);
        assertThat(ssoOn.status()).as(ssoOn.toString()).isEqualTo(200);
        assertThat(asFay.get(base + "/fax-lines").status()).as("admin tool under SSO: not with a password").isEqualTo(403);
        assertThat(asFay.get("/api/v1/me/fax-lines").status()).as("the console still takes the password").isEqualTo(200);
    }

    private static Map<String, Object> settingsOf(SamlFlows.SsoTenant tenant, String scope) {
        return body("enabled", true, "mode", "AUTHENTICATION_AND_PERMISSIONS", "scope", scope,
                "loginEndpoint", "https://login.microsoftonline.com/" + EntraIdp.TENANT + "/saml2", "clientId", tenant.clientId(),
                "certificates", List.of(Pem.encodeCertificate(EntraIdp.IDP.certificate())));
    }

    private static String meText(Browser browser) {
        browser.get(FaxgateApi.BASE_URL + "/api/v1/me");
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
