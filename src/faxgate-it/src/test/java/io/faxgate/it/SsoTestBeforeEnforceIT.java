package io.faxgate.it;

import static io.faxgate.it.AdminPages.assertNoConsoleErrors;
import static io.faxgate.it.AdminPages.open;
import static io.faxgate.it.AdminPages.screenshot;
import static io.faxgate.it.AdminPages.setValue;
import static io.faxgate.it.AdminPages.signIn;
import static io.faxgate.it.AdminPages.waitForText;
import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.it.AdminPages.TenantAdmin;
import io.faxgate.it.browser.Browser;
import io.faxgate.it.browser.KeycloakLoginPage;
import io.faxgate.it.idp.KeycloakIdp;
import io.faxgate.it.idp.KeycloakIdp.TestUser;
import io.faxgate.it.idp.SamlClientSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Test before enforce and the sign-in debugger, as a tenant admin sets SSO up for the first time: through the SSO
 * page, a real Keycloak (Entra's claim names) and a real browser.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SsoTestBeforeEnforceIT {

    private static final Path ARTIFACTS = Path.of("target", "browser-artifacts");
    private static KeycloakIdp idp;

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @BeforeAll
    static void keycloak() {
        idp = KeycloakIdp.get();
    }

    private static String wrongCertificate() {
        return TestData.certificatePem("Microsoft Azure Federated SSO Certificate", Instant.now().plus(Duration.ofDays(700)));
    }

    /** Keycloak asks for the password unless its own session from an earlier round trip is still there. */
    private static void signInAtKeycloakIfAsked(Browser browser, TestUser user) {
        browser.waitUntil(d -> KeycloakLoginPage.isShown(browser) || browser.currentUrl().startsWith(FaxgateApi.BASE_URL + "/admin/sso.xhtml?tested="),
                Duration.ofSeconds(30));
        if (KeycloakLoginPage.isShown(browser)) {
            KeycloakLoginPage.signIn(browser, user.username(), user.password());
        }
        browser.waitForUrl(FaxgateApi.BASE_URL + "/admin/sso.xhtml?tested=");
        browser.waitFor(By.id("main"));
    }

    @Test
    void aWrongCertificateIsTestedAndExplainedTheAdminStaysSignedInThenFixedTestedAndEnforced() {
        TenantAdmin t = AdminPages.tenantWithAdmin("sso-test", true);
        String clientId = UUID.randomUUID().toString();
        idp.registerSamlClient(SamlClientSpec.forFaxgate(FaxgateApi.BASE_URL, t.slug(), clientId));
        TestUser user = idp.createUser("tester-" + t.slug());

        try (Browser browser = Browser.open()) {
            signIn(browser, t.username(), t.password());
            open(browser, "/admin/sso.xhtml");
            assertThat(waitForText(browser, By.id("testStatus"), "No test sign-in")).contains("No test sign-in has passed");

            // first-time setup, with the wrong certificate pasted
            browser.type(By.id("sso:loginEndpoint"), idp.loginEndpoint());
            browser.type(By.id("sso:clientId"), clientId);
            setValue(browser, By.id("sso:primaryCertificate"), wrongCertificate());
            browser.click(By.cssSelector("[id='sso:advanced'] legend"));
            browser.type(By.id("sso:idpEntityId"), idp.entityId());
            browser.click(By.id("sso:save"));
            waitForText(browser, By.id("sso:messages"), "SSO settings saved.");
            assertThat(waitForText(browser, By.id("sso:metadataEndpointD"), "api://")).isEqualTo("api://" + clientId);

            // test while SSO is off: the real round trip, refused, explained — and the admin is still signed in
            browser.click(By.id("sso:testSignIn"));
            signInAtKeycloakIfAsked(browser, user);
            String checks = waitForText(browser, By.id("latestTestChecks"), "signature");
            assertThat(checks).contains("signature: not made by the configured certificate")
                    .contains("message: passed").doesNotContain("issuer: passed");
            assertThat(browser.waitFor(By.id("latestTest")).getText()).contains("Failed").contains("SIGNATURE_INVALID")
                    .contains("SAML Certificates").contains("no configured certificate verified the signature")
                    .contains(user.email()).contains("not verified");
            assertThat(browser.title()).as("still signed in with the password session").startsWith("Single sign-on");
            assertNoConsoleErrors(browser);
            screenshot(browser, "admin-sso-test-failed");
            assertThat(t.api().get("/api/v1/me").status()).isEqualTo(200);

            // enforcing for the admin tool is refused while no test passed with these settings
            browser.click(By.cssSelector("[id='sso:enabled'] .ui-chkbox-box"));
            browser.click(By.id("sso:save"));
            assertThat(waitForText(browser, By.id("sso:enabledMessage"), "Test sign-in")).contains("Enable SSO");
            assertThat(FaxgateApi.operator().get("/api/v1/tenants/" + t.slug() + "/sso").json().get("enabled").asBoolean()).isFalse();

            // fixed, tested: passed, with the certificate that verified it
            open(browser, "/admin/sso.xhtml");
            setValue(browser, By.id("sso:primaryCertificate"), idp.signingCertificatePem());
            browser.click(By.id("sso:save"));
            waitForText(browser, By.id("sso:messages"), "SSO settings saved.");
            browser.click(By.id("sso:testSignIn"));
            signInAtKeycloakIfAsked(browser, user);
            String passed = waitForText(browser, By.id("latestTest"), "Passed");
            assertThat(passed).contains("signature: passed").contains("audience: passed").contains("one time use: passed")
                    .contains("object id claim: passed").contains("SHA-256").contains("api://" + clientId)
                    .contains("tested by local:" + t.username()).doesNotContain("not verified");
            assertThat(waitForText(browser, By.id("testStatus"), "passed")).contains("you can enforce SSO");
            screenshot(browser, "admin-sso-tested");
            JsonNode sso = FaxgateApi.operator().get("/api/v1/tenants/" + t.slug() + "/sso").json();
            assertThat(sso.get("testedWithCurrentSettings").asBoolean()).isTrue();
            assertThat(sso.get("enabled").asBoolean()).as("a test enforces nothing").isFalse();
            assertThat(TestData.count("SELECT count(*) FROM directory_user WHERE tenant_id = ?", TestData.tenantId(t.slug())))
                    .as("a test creates no user").isZero();

            // enforced: the admin's own password session ends now, as it would have before (not a break-glass account)
            browser.click(By.cssSelector("[id='sso:enabled'] .ui-chkbox-box"));
            browser.click(By.id("sso:save"));
            browser.waitForUrl(FaxgateApi.BASE_URL + "/login.xhtml");
            assertThat(FaxgateApi.operator().get("/api/v1/tenants/" + t.slug() + "/sso").json().get("enabled").asBoolean()).isTrue();
        }
    }

    @Test
    void aChangedSettingInvalidatesAnEarlierPassedTest() {
        TenantAdmin t = AdminPages.tenantWithAdmin("sso-retest", true, true);
        String clientId = UUID.randomUUID().toString();
        idp.registerSamlClient(SamlClientSpec.forFaxgate(FaxgateApi.BASE_URL, t.slug(), clientId));
        TestUser user = idp.createUser("retester-" + t.slug());
        var saved = t.api().put("/api/v1/tenants/" + t.slug() + "/sso", body("enabled", false, "mode", "AUTHENTICATION_ONLY",
                "scope", "BOTH", "loginEndpoint", idp.loginEndpoint(), "idpEntityId", idp.entityId(), "clientId", clientId,
                "certificates", List.of(idp.signingCertificatePem())));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        try (Browser browser = Browser.open()) {
            signIn(browser, t.username(), t.password());
            open(browser, "/admin/sso.xhtml");
            browser.click(By.id("sso:testSignIn"));
            signInAtKeycloakIfAsked(browser, user);
            waitForText(browser, By.id("testStatus"), "you can enforce SSO");
        }
        JsonNode tested = t.api().get("/api/v1/tenants/" + t.slug() + "/sso").json();
        assertThat(tested.get("testedWithCurrentSettings").asBoolean()).isTrue();

        // the MFA claim is part of what was tested: changing it asks for a new test, and the API refuses on request
        var changed = t.api().put("/api/v1/tenants/" + t.slug() + "/sso", body("enabled", true, "mode", "AUTHENTICATION_ONLY",
                "scope", "BOTH", "loginEndpoint", idp.loginEndpoint(), "idpEntityId", idp.entityId(), "clientId", clientId,
                "certificates", List.of(idp.signingCertificatePem()), "claimNames", java.util.Map.of("mfa", "amr", "mfaValue", "mfa"),
                "version", tested.get("version").asLong(), "enforceUntested", false));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(409);
        assertThat(changed.toString()).contains("enabled").contains("Test sign-in");
        var same = t.api().put("/api/v1/tenants/" + t.slug() + "/sso", body("enabled", true, "mode", "AUTHENTICATION_ONLY",
                "scope", "BOTH", "loginEndpoint", idp.loginEndpoint(), "idpEntityId", idp.entityId(), "clientId", clientId,
                "certificates", List.of(idp.signingCertificatePem()), "version", tested.get("version").asLong(), "enforceUntested", false));
        assertThat(same.status()).as("the tested settings may be enforced: " + same).isEqualTo(200);
        assertThat(same.json().get("testedWithCurrentSettings").asBoolean()).isTrue();
    }

    @Test
    void aTestAnswerCannotSignAnybodyInNorReachAnotherSession() {
        TenantAdmin t = AdminPages.tenantWithAdmin("sso-steal", true, true);
        String clientId = UUID.randomUUID().toString();
        idp.registerSamlClient(SamlClientSpec.forFaxgate(FaxgateApi.BASE_URL, t.slug(), clientId));
        TestUser user = idp.createUser("victim-" + t.slug());
        assertThat(t.api().put("/api/v1/tenants/" + t.slug() + "/sso", body("enabled", false, "mode", "AUTHENTICATION_ONLY",
                "scope", "BOTH", "loginEndpoint", idp.loginEndpoint(), "idpEntityId", idp.entityId(), "clientId", clientId,
                "certificates", List.of(idp.signingCertificatePem()))).status()).isEqualTo(200);
        try (Browser browser = Browser.open()) {
            signIn(browser, t.username(), t.password());
            open(browser, "/admin/sso.xhtml");
            browser.click(By.id("sso:testSignIn"));
            // the IdP's answer is posted to the ACS without the admin's session (another browser, an attacker who
            // captured it): it is an ordinary sign-in attempt of a tenant whose SSO is off — refused, no session
            browser.waitUntil(d -> KeycloakLoginPage.isShown(browser), Duration.ofSeconds(30));
            String atKeycloak = browser.currentUrl();
            browser.get(FaxgateApi.BASE_URL + "/login.xhtml");
            browser.deleteCookies(); // Faxgate's cookies only (the current site): the admin's session is gone
            browser.get(atKeycloak);
            browser.waitUntil(d -> KeycloakLoginPage.isShown(browser), Duration.ofSeconds(30));
            KeycloakLoginPage.signIn(browser, user.username(), user.password());
            browser.waitUntil(d -> d.getPageSource().contains("Single sign-on is off"), Duration.ofSeconds(30));
            browser.saveArtifacts(ARTIFACTS, "SsoTestBeforeEnforceIT-answer-without-session");
            browser.get(FaxgateApi.BASE_URL + "/api/v1/me");
            assertThat(browser.pageSource()).as("nobody is signed in").doesNotContain("\"tenant\"");
        }
        assertThat(t.api().get("/api/v1/tenants/" + t.slug() + "/sso").json().get("testedWithCurrentSettings").asBoolean())
                .as("an answer outside the admin's session is no test").isFalse();
        assertThat(TestData.count("SELECT count(*) FROM directory_user WHERE tenant_id = ?", TestData.tenantId(t.slug()))).isZero();
    }

    @Test
    void theLatestRefusedRealSignInsAreShownWithTheFailedCheck() {
        TenantAdmin t = AdminPages.tenantWithAdmin("sso-refused", true, true);
        String clientId = UUID.randomUUID().toString();
        idp.registerSamlClient(SamlClientSpec.forFaxgate(FaxgateApi.BASE_URL, t.slug(), clientId));
        TestUser user = idp.createUser("refused-" + t.slug());
        // enforced through the API without a test (accepted with an audited warning), with the wrong certificate
        var saved = t.api().put("/api/v1/tenants/" + t.slug() + "/sso", body("enabled", true, "mode", "AUTHENTICATION_ONLY",
                "scope", "WEB_STAFF", "loginEndpoint", idp.loginEndpoint(), "idpEntityId", idp.entityId(), "clientId", clientId,
                "certificates", List.of(wrongCertificate())));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        try (Browser staff = Browser.open()) {
            staff.get(FaxgateApi.BASE_URL + "/sso/" + t.slug() + "/login");
            staff.waitUntil(d -> KeycloakLoginPage.isShown(staff), Duration.ofSeconds(30));
            KeycloakLoginPage.signIn(staff, user.username(), user.password());
            staff.waitUntil(d -> d.getCurrentUrl().contains("/sso/" + t.slug() + "/error"), Duration.ofSeconds(30));
        }
        try (Browser browser = Browser.open()) {
            signIn(browser, t.username(), t.password());
            open(browser, "/admin/sso.xhtml");
            String table = waitForText(browser, By.id("sso:refusedTable"), "signature");
            assertThat(table).contains("signature: not made by the configured certificate").contains(user.email());
            String shown = waitForText(browser, By.id("shownRefused"), "Failed");
            assertThat(shown).contains("SIGNATURE_INVALID").contains("not verified").contains(idp.entityId());
            assertThat(shown).as("a real sign-in has no tester").doesNotContain("tested by");
            assertNoConsoleErrors(browser);
            screenshot(browser, "admin-sso-refused-sign-ins");
        }
        assertThat(TestData.count("SELECT count(*) FROM sso_sign_in_record r JOIN tenant t ON t.id = r.tenant_id"
                + " WHERE t.slug = ? AND r.kind = 'REFUSED'", t.slug())).isEqualTo(1);
        assertThat(TestData.count("SELECT count(*) FROM sso_sign_in_record WHERE report LIKE '%SAMLResponse%' OR report LIKE '%<saml%'"))
                .as("no raw message stored").isZero();
    }
}
