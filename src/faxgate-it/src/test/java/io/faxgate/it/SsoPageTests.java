package io.faxgate.it;

import static io.faxgate.it.AdminPageTests.auditCount;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The SSO page (/admin/sso.xhtml). Test before enforce and the debugger with a real IdP: SsoTestBeforeEnforceIT. */
interface SsoPageTests extends AdminPageTests {

    String ENTRA_TENANT = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    String CLIENT_ID = java.util.UUID.randomUUID().toString();

    private static String metadataXml(String certificatePem) {
        String base64 = certificatePem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><EntityDescriptor ID=\"_m\" entityID=\"https://sts.windows.net/" + ENTRA_TENANT + "/\""
                + " xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\"><IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<KeyDescriptor use=\"signing\"><KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data><X509Certificate>" + base64
                + "</X509Certificate></X509Data></KeyInfo></KeyDescriptor>"
                + "<SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://login.microsoftonline.com/"
                + ENTRA_TENANT + "/saml2\"/></IDPSSODescriptor></EntityDescriptor>";
    }

    @Test
    default void ssoTabNamesTheWrongFieldSavesNothingThenSavesAndShowsTheEndpoints() throws Exception {
        TenantAdmin t = AdminPages.tenantWithAdmin("sso-ui", true, true);
        long versionBefore = t.api().get("/api/v1/tenants/" + t.slug() + "/sso").json().get("version").asLong();
        signIn(browser(), t.username(), t.password());
        open(browser(), "/admin/sso.xhtml");
        assertThat(browser().title()).startsWith("Single sign-on");
        assertThat(browser().waitFor(By.id("consumeEndpoint")).getText()).isEqualTo(FaxgateApi.BASE_URL + "/sso/" + t.slug() + "/acs");
        assertThat(browser().waitFor(By.id("redirectEndpoint")).getText()).isEqualTo(FaxgateApi.BASE_URL + "/sso/" + t.slug() + "/login");
        assertThat(browser().waitFor(By.id("sso:metadataEndpointPending")).getText()).contains("Client ID");

        // bad values: every wrong field is named, with Entra's explanation; nothing is saved
        browser().type(By.id("sso:loginEndpoint"), "http://login.microsoftonline.com/" + ENTRA_TENANT + "/saml2");
        browser().type(By.id("sso:clientId"), "api://" + CLIENT_ID);
        setValue(browser(), By.id("sso:primaryCertificate"), "this is not a certificate");
        browser().click(By.cssSelector("[id='sso:enabled'] .ui-chkbox-box"));
        browser().click(By.id("sso:save"));
        String clientIdError = waitForText(browser(), By.id("sso:clientIdMessage"), "B · Client ID");
        assertThat(clientIdError).contains("AADSTS700016");
        assertThat(waitForText(browser(), By.id("sso:loginEndpointMessage"), "A · Login endpoint")).contains("https");
        assertThat(waitForText(browser(), By.id("sso:primaryCertificateMessage"), "C · X.509 certificate")).isNotBlank();
        screenshot(browser(), "admin-sso-errors");
        JsonNode unchanged = t.api().get("/api/v1/tenants/" + t.slug() + "/sso").json();
        assertThat(unchanged.get("version").asLong()).as("nothing saved").isEqualTo(versionBefore);
        assertThat(unchanged.get("enabled").asBoolean()).isFalse();
        assertThat(unchanged.path("loginEndpoint").isMissingNode() || unchanged.path("loginEndpoint").isNull()).isTrue();

        // Entra's federation metadata fills the login endpoint and the certificate (expiring in 40 days: a warning)
        String certificate = TestData.certificatePem("Microsoft Azure Federated SSO Certificate", Instant.now().plus(Duration.ofDays(40)));
        Path metadataFile = Files.createTempFile("federationmetadata-", ".xml");
        Files.writeString(metadataFile, metadataXml(certificate));
        browser().driver().findElement(By.id("sso:metadataFile_input")).sendKeys(metadataFile.toAbsolutePath().toString());
        waitForText(browser(), By.id("sso:messages"), "Metadata read");
        Files.deleteIfExists(metadataFile);
        assertThat(browser().waitFor(By.id("sso:loginEndpoint")).getAttribute("value"))
                .isEqualTo("https://login.microsoftonline.com/" + ENTRA_TENANT + "/saml2");
        assertThat(browser().waitFor(By.id("sso:primaryCertificate")).getAttribute("value")).startsWith("-----BEGIN CERTIFICATE-----");

        browser().type(By.id("sso:clientId"), CLIENT_ID);
        browser().click(By.cssSelector("[id='sso:enforceUntested'] .ui-chkbox-box")); // untested on purpose (break-glass admin)
        browser().click(By.id("sso:save"));
        waitForText(browser(), By.id("sso:messages"), "SSO settings saved.");
        assertThat(waitForText(browser(), By.id("metadataEndpoint"), "api://")).isEqualTo("api://" + CLIENT_ID);
        assertThat(waitForText(browser(), By.id("sso:certificates"), "expires within 60 days")).contains("Microsoft Azure Federated SSO Certificate");
        assertThat(browser().waitFor(By.id("tryLogin")).getAttribute("href")).isEqualTo(FaxgateApi.BASE_URL + "/sso/" + t.slug() + "/login");
        assertThat(browser().waitFor(By.id("tryLogin")).getAttribute("target")).isEqualTo("_blank");
        assertNoConsoleErrors(browser());
        screenshot(browser(), "admin-sso");

        // upload: Entra's "Certificate (Raw)" is DER; it lands in the form as PEM (saved only with Save)
        String secondary = TestData.certificatePem("Next Entra certificate", Instant.now().plus(Duration.ofDays(900)));
        byte[] der = java.util.Base64.getMimeDecoder().decode(secondary.replaceAll("-----[A-Z ]+-----", ""));
        Path cer = Files.createTempFile("entra-", ".cer");
        Files.write(cer, der);
        browser().driver().findElement(By.id("sso:secondaryFile_input")).sendKeys(cer.toAbsolutePath().toString());
        waitForText(browser(), By.id("sso:messages"), "Secondary certificate loaded from");
        assertThat(browser().waitFor(By.id("sso:secondaryCertificate")).getAttribute("value")).startsWith("-----BEGIN CERTIFICATE-----\nMII");
        Files.deleteIfExists(cer);

        // "Test sign-in": the latest outcome with the typed reason the SAML sign-in wrote to the audit log
        TestData.execute("INSERT INTO audit_event (id, tenant_id, occurred_at, actor, type, outcome, target, detail)"
                + " VALUES (?, ?, now() AT TIME ZONE 'UTC', 'anonymous', 'SAML_SIGN_IN', 'FAILURE', 'AUDIENCE_MISMATCH', ?)",
                ThreadLocalRandom.current().nextLong(700_000_000L, 799_999_999L), TestData.tenantId(t.slug()),
                "audience api://wrong is not api://" + CLIENT_ID);
        browser().click(By.id("sso:refreshSignIns"));
        assertThat(waitForText(browser(), By.id("latestOutcome"), "FAILURE")).contains("reason AUDIENCE_MISMATCH");

        JsonNode saved = t.api().get("/api/v1/tenants/" + t.slug() + "/sso").json();
        assertThat(saved.get("enabled").asBoolean()).isTrue();
        assertThat(saved.get("clientId").asText()).isEqualTo(CLIENT_ID);
        assertThat(saved.get("effectiveIdpEntityId").asText()).isEqualTo("https://sts.windows.net/" + ENTRA_TENANT + "/");
        assertThat(auditCount(t.slug(), "SSO_SETTINGS_CHANGED")).as("the save is audited (by the facade)").isEqualTo(1);
    }

    @Test
    default void enablingSsoForTheAdminToolEndsThisPasswordSessionWithTheReason() {
        TenantAdmin t = AdminPages.tenantWithAdmin("sso-out", true);
        String certificate = TestData.certificatePem("Entra SSO", Instant.now().plus(Duration.ofDays(700)));
        signIn(browser(), t.username(), t.password());
        open(browser(), "/admin/sso.xhtml");
        browser().type(By.id("sso:loginEndpoint"), "https://login.microsoftonline.com/" + ENTRA_TENANT + "/saml2");
        browser().type(By.id("sso:clientId"), java.util.UUID.randomUUID().toString());
        setValue(browser(), By.id("sso:primaryCertificate"), certificate);
        browser().click(By.cssSelector("[id='sso:enabled'] .ui-chkbox-box"));
        browser().click(By.cssSelector("[id='sso:enforceUntested'] .ui-chkbox-box")); // tested-first is SsoTestBeforeEnforceIT's
        browser().click(By.id("sso:save"));
        browser().waitForUrl(FaxgateApi.BASE_URL + "/login.xhtml");
        assertThat(browser().waitFor(By.id("ssoEnabledNote")).getText()).contains("password session ended");
        assertThat(FaxgateApi.operator().get("/api/v1/tenants/" + t.slug() + "/sso").json().get("enabled").asBoolean()).isTrue();
        browser().get(FaxgateApi.BASE_URL + "/admin/sso.xhtml");
        browser().waitForUrl(FaxgateApi.BASE_URL + "/login.xhtml");
    }
}
