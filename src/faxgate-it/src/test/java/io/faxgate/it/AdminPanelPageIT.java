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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The tenant admin panel in a real headless Chromium against the deployed EAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPanelPageIT {

    private static final String ENTRA_TENANT = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String CLIENT_ID = java.util.UUID.randomUUID().toString();

    private Browser browser;
    private String testName;

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @BeforeEach
    void openBrowser(TestInfo info) {
        browser = Browser.open();
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.saveArtifacts(AdminPages.ARTIFACTS, getClass().getSimpleName() + "-" + testName);
            browser.close();
        }
    }

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
    void ssoTabNamesTheWrongFieldSavesNothingThenSavesAndShowsTheEndpoints() throws Exception {
        TenantAdmin t = AdminPages.tenantWithAdmin("sso-ui", true, true);
        long versionBefore = t.api().get("/api/v1/tenants/" + t.slug() + "/sso").json().get("version").asLong();
        signIn(browser, t.username(), t.password());
        open(browser, "/admin/sso.xhtml");
        assertThat(browser.title()).startsWith("Single sign-on");
        assertThat(browser.waitFor(By.id("consumeEndpoint")).getText()).isEqualTo(FaxgateApi.BASE_URL + "/sso/" + t.slug() + "/acs");
        assertThat(browser.waitFor(By.id("redirectEndpoint")).getText()).isEqualTo(FaxgateApi.BASE_URL + "/sso/" + t.slug() + "/login");
        assertThat(browser.waitFor(By.id("sso:metadataEndpointPending")).getText()).contains("Client ID");

        // bad values: every wrong field is named, with Entra's explanation; nothing is saved
        browser.type(By.id("sso:loginEndpoint"), "http://login.microsoftonline.com/" + ENTRA_TENANT + "/saml2");
        browser.type(By.id("sso:clientId"), "api://" + CLIENT_ID);
        setValue(browser, By.id("sso:primaryCertificate"), "this is not a certificate");
        browser.click(By.cssSelector("[id='sso:enabled'] .ui-chkbox-box"));
        browser.click(By.id("sso:save"));
        String clientIdError = waitForText(browser, By.id("sso:clientIdMessage"), "B · Client ID");
        assertThat(clientIdError).contains("AADSTS700016");
        assertThat(waitForText(browser, By.id("sso:loginEndpointMessage"), "A · Login endpoint")).contains("https");
        assertThat(waitForText(browser, By.id("sso:primaryCertificateMessage"), "C · X.509 certificate")).isNotBlank();
        screenshot(browser, "admin-sso-errors");
        JsonNode unchanged = t.api().get("/api/v1/tenants/" + t.slug() + "/sso").json();
        assertThat(unchanged.get("version").asLong()).as("nothing saved").isEqualTo(versionBefore);
        assertThat(unchanged.get("enabled").asBoolean()).isFalse();
        assertThat(unchanged.path("loginEndpoint").isMissingNode() || unchanged.path("loginEndpoint").isNull()).isTrue();

        // Entra's federation metadata fills the login endpoint and the certificate (expiring in 40 days: a warning)
        String certificate = TestData.certificatePem("Microsoft Azure Federated SSO Certificate", Instant.now().plus(Duration.ofDays(40)));
        Path metadataFile = Files.createTempFile("federationmetadata-", ".xml");
        Files.writeString(metadataFile, metadataXml(certificate));
        browser.driver().findElement(By.id("sso:metadataFile_input")).sendKeys(metadataFile.toAbsolutePath().toString());
        waitForText(browser, By.id("sso:messages"), "Metadata read");
        Files.deleteIfExists(metadataFile);
        assertThat(browser.waitFor(By.id("sso:loginEndpoint")).getAttribute("value"))
                .isEqualTo("https://login.microsoftonline.com/" + ENTRA_TENANT + "/saml2");
        assertThat(browser.waitFor(By.id("sso:primaryCertificate")).getAttribute("value")).startsWith("-----BEGIN CERTIFICATE-----");

        browser.type(By.id("sso:clientId"), CLIENT_ID);
        browser.click(By.cssSelector("[id='sso:enforceUntested'] .ui-chkbox-box")); // untested on purpose (break-glass admin)
        browser.click(By.id("sso:save"));
        waitForText(browser, By.id("sso:messages"), "SSO settings saved.");
        assertThat(waitForText(browser, By.id("metadataEndpoint"), "api://")).isEqualTo("api://" + CLIENT_ID);
        assertThat(waitForText(browser, By.id("sso:certificates"), "expires within 60 days")).contains("Microsoft Azure Federated SSO Certificate");
        assertThat(browser.waitFor(By.id("tryLogin")).getAttribute("href")).isEqualTo(FaxgateApi.BASE_URL + "/sso/" + t.slug() + "/login");
        assertThat(browser.waitFor(By.id("tryLogin")).getAttribute("target")).isEqualTo("_blank");
        assertNoConsoleErrors(browser);
        screenshot(browser, "admin-sso");

        // upload: Entra's "Certificate (Raw)" is DER; it lands in the form as PEM (saved only with Save)
        String secondary = TestData.certificatePem("Next Entra certificate", Instant.now().plus(Duration.ofDays(900)));
        byte[] der = java.util.Base64.getMimeDecoder().decode(secondary.replaceAll("-----[A-Z ]+-----", ""));
        Path cer = Files.createTempFile("entra-", ".cer");
        Files.write(cer, der);
        browser.driver().findElement(By.id("sso:secondaryFile_input")).sendKeys(cer.toAbsolutePath().toString());
        waitForText(browser, By.id("sso:messages"), "Secondary certificate loaded from");
        assertThat(browser.waitFor(By.id("sso:secondaryCertificate")).getAttribute("value")).startsWith("-----BEGIN CERTIFICATE-----\nMII");
        Files.deleteIfExists(cer);

        // "Test sign-in": the latest outcome with the typed reason the SAML sign-in wrote to the audit log
        TestData.execute("INSERT INTO audit_event (id, tenant_id, occurred_at, actor, type, outcome, target, detail)"
                + " VALUES (?, ?, now() AT TIME ZONE 'UTC', 'anonymous', 'SAML_SIGN_IN', 'FAILURE', 'AUDIENCE_MISMATCH', ?)",
                ThreadLocalRandom.current().nextLong(700_000_000L, 799_999_999L), TestData.tenantId(t.slug()),
                "audience api://wrong is not api://" + CLIENT_ID);
        browser.click(By.id("sso:refreshSignIns"));
        assertThat(waitForText(browser, By.id("latestOutcome"), "FAILURE")).contains("reason AUDIENCE_MISMATCH");

        JsonNode saved = t.api().get("/api/v1/tenants/" + t.slug() + "/sso").json();
        assertThat(saved.get("enabled").asBoolean()).isTrue();
        assertThat(saved.get("clientId").asText()).isEqualTo(CLIENT_ID);
        assertThat(saved.get("effectiveIdpEntityId").asText()).isEqualTo("https://sts.windows.net/" + ENTRA_TENANT + "/");
        assertThat(auditCount(t.slug(), "SSO_SETTINGS_CHANGED")).as("the save is audited (by the facade)").isEqualTo(1);
    }

    @Test
    void enablingSsoForTheAdminToolEndsThisPasswordSessionWithTheReason() {
        TenantAdmin t = AdminPages.tenantWithAdmin("sso-out", true);
        String certificate = TestData.certificatePem("Entra SSO", Instant.now().plus(Duration.ofDays(700)));
        signIn(browser, t.username(), t.password());
        open(browser, "/admin/sso.xhtml");
        browser.type(By.id("sso:loginEndpoint"), "https://login.microsoftonline.com/" + ENTRA_TENANT + "/saml2");
        browser.type(By.id("sso:clientId"), java.util.UUID.randomUUID().toString());
        setValue(browser, By.id("sso:primaryCertificate"), certificate);
        browser.click(By.cssSelector("[id='sso:enabled'] .ui-chkbox-box"));
        browser.click(By.cssSelector("[id='sso:enforceUntested'] .ui-chkbox-box")); // tested-first is SsoTestBeforeEnforceIT's
        browser.click(By.id("sso:save"));
        browser.waitForUrl(FaxgateApi.BASE_URL + "/login.xhtml");
        assertThat(browser.waitFor(By.id("ssoEnabledNote")).getText()).contains("password session ended");
        assertThat(FaxgateApi.operator().get("/api/v1/tenants/" + t.slug() + "/sso").json().get("enabled").asBoolean()).isTrue();
        browser.get(FaxgateApi.BASE_URL + "/admin/sso.xhtml");
        browser.waitForUrl(FaxgateApi.BASE_URL + "/login.xhtml");
    }

    @Test
    void facesPagesSendANonceCspAndTheAdminPanelNeedsSignInAndPermissions() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + "/admin/sso.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login.xhtml");

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> policies = login.headers().allValues("Content-Security-Policy");
        assertThat(policies).as("one policy per Faces page, PrimeFaces' with a nonce").hasSize(1);
        String scriptSrc = policies.get(0).substring(policies.get(0).indexOf("script-src"));
        assertThat(scriptSrc).startsWith("script-src 'self' 'nonce-").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(policies.get(0)).contains("frame-ancestors 'none'").contains("default-src 'self'");
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + "/static/autosubmit.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().allValues("Content-Security-Policy")).containsExactly(
                "default-src 'self'; frame-ancestors 'none'; form-action 'self' https:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'");

        TenantAdmin t = AdminPages.tenantWithAdmin("guard-ui", false);
        signIn(browser, t.username(), t.password());
        browser.get(FaxgateApi.BASE_URL + "/operator/tenants.xhtml");
        assertThat(browser.title()).as("a tenant admin is not an operator").isEqualTo("Not allowed · Faxgate");
        open(browser, "/admin/index.xhtml");
        assertThat(browser.title()).isEqualTo("Admin panel · Faxgate admin");
        assertThat(browser.pageSource()).contains("/admin/scim-tokens.xhtml").doesNotContain("coming with directory sync");
        assertNoConsoleErrors(browser);
    }

    @Test
    void bindingAGroupToALineShowsWhoReachesIt() {
        TenantAdmin t = AdminPages.tenantWithAdmin("lines-ui", false);
        String number = "+4930" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        long lineId = t.api().post("/api/v1/tenants/" + t.slug() + "/fax-lines", body("number", number, "label", "Dispatch fax")).json().get("id").asLong();
        long groupId = t.api().post("/api/v1/tenants/" + t.slug() + "/security-groups",
                body("externalId", "grp-" + number, "displayName", "Dispatch team")).json().get("id").asLong();
        long userId = TestData.user(t.slug(), "dora@" + t.slug() + ".example", "Dora Dispatcher");
        TestData.membership(t.slug(), groupId, userId);

        signIn(browser, t.username(), t.password());
        open(browser, "/admin/groups.xhtml");
        assertThat(browser.title()).startsWith("Security groups");
        waitForText(browser, By.id("groups:table"), "Dispatch team");
        browser.type(By.id("newGroup:externalId"), "grp-night-" + number);
        browser.type(By.id("newGroup:displayName"), "Night shift");
        browser.click(By.id("newGroup:create"));
        waitForText(browser, By.id("messages"), "Group Night shift created.");
        browser.click(By.cssSelector("button[aria-label='Rename Night shift']"));
        browser.type(By.cssSelector("[id$=':editName']"), "Night crew");
        browser.click(By.xpath("//button[.//span[text()='Save']]"));
        waitForText(browser, By.id("messages"), "Group renamed to Night crew.");
        assertThat(waitForText(browser, By.id("groups:table"), "Night crew")).doesNotContain("Night shift");
        assertThat(auditCount(t.slug(), "GROUP_UPDATED")).isEqualTo(1);
        screenshot(browser, "admin-groups");

        open(browser, "/admin/lines.xhtml");
        assertThat(browser.waitFor(By.id("reach:matrix")).getText()).contains("Nobody reaches a line yet.");
        browser.click(By.cssSelector("button[aria-label='Bind group Dispatch team to line " + number + "']"));
        waitForText(browser, By.id("messages"), "now reaches " + number);
        assertThat(waitForText(browser, By.id("reach:matrix"), "dora@")).contains("Dispatch team").contains(number);
        assertThat(browser.waitFor(By.cssSelector("button[aria-label='Unbind group Dispatch team from line " + number + "']"))
                .getAttribute("aria-pressed")).isEqualTo("true");
        assertNoConsoleErrors(browser);
        screenshot(browser, "admin-lines");

        JsonNode line = t.api().get("/api/v1/tenants/" + t.slug() + "/fax-lines/" + lineId).json();
        assertThat(line.get("boundGroupIds").toString()).isEqualTo("[" + groupId + "]");
    }

    @Test
    void permissionsAreEditableInAuthenticationOnlyAndRefusedAndReadOnlyOtherwise() {
        TenantAdmin t = AdminPages.tenantWithAdmin("perm-ui", false);
        for (int i = 0; i < 30; i++) {
            TestData.user(t.slug(), String.format("user%02d@%s.example", i, t.slug()), "Person " + i);
        }
        long userId = TestData.user(t.slug(), "zoe@" + t.slug() + ".example", "Zoe Sender");

        signIn(browser, t.username(), t.password());
        open(browser, "/admin/users.xhtml");
        assertThat(waitForText(browser, By.id("users:table"), "of 31")).contains("user00@");
        browser.type(By.id("users:search"), "zoe");
        waitForText(browser, By.id("users:table"), "1-1 of 1");
        screenshot(browser, "admin-users");
        browser.click(By.linkText("zoe@" + t.slug() + ".example"));
        browser.waitFor(By.id("user:permissions"));
        assertThat(browser.title()).startsWith("User zoe@");

        browser.click(By.cssSelector("button[aria-label='Grant SEND_FAXES']"));
        waitForText(browser, By.id("user:messages"), "Granted SEND_FAXES.");
        browser.waitFor(By.cssSelector("button[aria-label='Revoke SEND_FAXES']"));
        assertThat(t.api().get("/api/v1/tenants/" + t.slug() + "/users/" + userId + "/permissions").json().toString())
                .contains("SEND_FAXES");
        screenshot(browser, "admin-user");

        // Someone switches the tenant to "Entra decides" while this page is open: the facade refuses the next change.
        JsonNode sso = t.api().get("/api/v1/tenants/" + t.slug() + "/sso").json();
        var switched = t.api().put("/api/v1/tenants/" + t.slug() + "/sso", body("enabled", false, "mode", "AUTHENTICATION_AND_PERMISSIONS",
                "scope", "BOTH", "version", sso.get("version").asLong()));
        assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
        browser.click(By.cssSelector("button[aria-label='Grant VIEW_FAXES']"));
        assertThat(waitForText(browser, By.id("user:messages"), "Permissions:")).contains("Entra app roles");
        assertThat(browser.waitFor(By.id("user:readOnly")).getText()).contains("Read-only.");
        assertThat(browser.driver().findElements(By.cssSelector("button[aria-label^='Grant ']"))).as("no edit buttons").isEmpty();
        assertThat(auditCount(t.slug(), "PERMISSION_CHANGE_REFUSED")).isEqualTo(1);

        open(browser, "/admin/user.xhtml?id=" + userId);
        assertThat(browser.waitFor(By.id("user:readOnly")).getText()).contains("Read-only.");
        assertThat(browser.driver().findElements(By.cssSelector("button[aria-label^='Revoke ']"))).isEmpty();
        assertNoConsoleErrors(browser);
        screenshot(browser, "admin-user-read-only");

        browser.click(By.id("user:toggleActive"));
        browser.click(By.cssSelector(".ui-confirmdialog-yes"));
        waitForText(browser, By.id("status"), "deactivated");
        assertThat(TestDataQueries.active(userId)).isFalse();
    }

    @Test
    void userMaintenancePagesLazilyThroughTenThousandUsers() throws Exception {
        TenantAdmin t = AdminPages.tenantWithAdmin("many-ui", false);
        long tenantId = TestData.tenantId(t.slug());
        long firstId = 800_000_000L + ThreadLocalRandom.current().nextLong(0, 50_000_000L) * 10;
        try (var c = TestDatabase.connection(); var s = c.prepareStatement("INSERT INTO directory_user (id, version, tenant_id,"
                + " external_id, user_name, user_name_key, email, display_name, active, source, created_at, updated_at)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, TRUE, 'SCIM', now(), now())")) {
            for (int i = 0; i < 10_000; i++) {
                String name = String.format("person%05d@%s.example", i, t.slug());
                s.setLong(1, firstId + i);
                s.setLong(2, tenantId);
                s.setString(3, "oid-" + (firstId + i));
                s.setString(4, name);
                s.setString(5, name);
                s.setString(6, name);
                s.setString(7, "Person " + i);
                s.addBatch();
            }
            s.executeBatch();
        }
        signIn(browser, t.username(), t.password());
        long start = System.nanoTime();
        open(browser, "/admin/users.xhtml");
        waitForText(browser, By.id("users:table"), "1-25 of 10000");
        long firstPageMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        browser.click(By.cssSelector("[id='users:table'] .ui-paginator-last"));
        waitForText(browser, By.id("users:table"), "9976-10000 of 10000");
        assertThat(browser.waitFor(By.id("users:table")).getText()).contains("person09999@");
        long lastPageMillis = (System.nanoTime() - start) / 1_000_000;
        browser.type(By.id("users:search"), "person0424");
        waitForText(browser, By.id("users:table"), "1-10 of 10");
        assertThat(firstPageMillis).as("first page with 10,000 users, ms").isLessThan(5_000);
        assertThat(lastPageMillis).as("last page, ms").isLessThan(3_000);
        System.out.printf("User Maintenance with 10,000 users: first page %d ms, last page %d ms%n", firstPageMillis, lastPageMillis);
    }

    @Test
    void roleMappingsAndTheAuditLogExportAsFormulaSafeCsv() throws Exception {
        TenantAdmin t = AdminPages.tenantWithAdmin("audit-ui", false);
        signIn(browser, t.username(), t.password());
        open(browser, "/admin/role-mappings.xhtml");
        browser.type(By.id("newMapping:claimValue"), "=HYPERLINK(\"http://evil.example\",\"x\")");
        browser.click(By.id("newMapping:create"));
        assertThat(waitForText(browser, By.id("newMapping"), "Permission:")).as("permission is required").isNotBlank();
        AdminPages.selectOne(browser, "newMapping:permission", "VIEW_AUDIT_LOG");
        browser.click(By.id("newMapping:create"));
        waitForText(browser, By.id("messages"), "now grants VIEW_AUDIT_LOG");
        waitForText(browser, By.id("mappings:table"), "=HYPERLINK");
        screenshot(browser, "admin-role-mappings");

        open(browser, "/admin/audit.xhtml");
        waitForText(browser, By.id("filter:events"), "ROLE_MAPPING_CREATED");
        browser.type(By.id("filter:actor"), "nobody-has-this-name");
        browser.click(By.id("filter:apply"));
        waitForText(browser, By.id("filter:events"), "No events match.");
        browser.type(By.id("filter:actor"), t.username());
        browser.click(By.id("filter:apply"));
        waitForText(browser, By.id("filter:events"), "ROLE_MAPPING_CREATED");
        assertNoConsoleErrors(browser);
        screenshot(browser, "admin-audit");

        browser.click(By.id("filter:export"));
        Path csv = browser.waitUntil(d -> {
            try (Stream<Path> files = Files.exists(browser.downloads()) ? Files.list(browser.downloads()) : Stream.empty()) {
                return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(csv.getFileName().toString()).startsWith("faxgate-audit-" + t.slug());
        assertThat(text).contains("occurredAt,actor,type,outcome,target,detail,sourceIp");
        assertThat(text).contains("local:" + t.username() + ",ROLE_MAPPING_CREATED,SUCCESS,\"'=HYPERLINK(");
        assertThat(text.lines().skip(1)).as("only the filtered actor").allMatch(l -> l.contains("local:" + t.username()));
        assertThat(text.lines().skip(1).map(l -> l.split(",", -1)).filter(c -> c.length > 4).map(c -> c[4]))
                .as("no cell starts a formula").noneMatch(c -> c.startsWith("=") || c.startsWith("\"="));
    }

    @Test
    void scimTokensAreShownOnceWorkRotateAndRevoke() throws Exception {
        TenantAdmin t = AdminPages.tenantWithAdmin("scim-ui", false);
        signIn(browser, t.username(), t.password());
        open(browser, "/admin/scim-tokens.xhtml");
        assertThat(waitForText(browser, By.id("scimBase"), "/scim/v2/" + t.slug())).endsWith("/scim/v2/" + t.slug());
        browser.type(By.id("newToken:label"), "Entra provisioning");
        browser.click(By.id("newToken:create"));
        String token = waitForText(browser, By.id("createdToken"), "fgs_").strip();
        waitForText(browser, By.id("tokens:table"), "Entra provisioning");
        assertNoConsoleErrors(browser);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('createdToken').textContent = arguments[0];", token.substring(0, 12) + "…(masked for the docs)");
        screenshot(browser, "admin-scim-tokens");
        assertThat(scimUsers(t.slug(), token)).as("the shown token works").isEqualTo(200);

        open(browser, "/admin/scim-tokens.xhtml");
        assertThat(browser.pageSource()).as("shown only once").doesNotContain(token);
        browser.click(By.xpath("//button[starts-with(@aria-label, 'Rotate token')]"));
        String rotated = waitForText(browser, By.id("createdToken"), "fgs_").strip();
        assertThat(rotated).isNotEqualTo(token);
        assertThat(scimUsers(t.slug(), token)).as("the rotated-out token is refused at once").isEqualTo(401);
        assertThat(scimUsers(t.slug(), rotated)).isEqualTo(200);

        browser.click(By.xpath("//button[starts-with(@aria-label, 'Revoke token')]"));
        waitForText(browser, By.id("messages"), "revoked");
        assertThat(scimUsers(t.slug(), rotated)).as("revoked: refused at once").isEqualTo(401);
        assertThat(waitForText(browser, By.id("tokens:table"), "revoked")).doesNotContain(rotated).doesNotContain(token);
    }

    private static int scimUsers(String slug, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create(FaxgateApi.BASE_URL + "/scim/v2/" + slug + "/Users")).header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int auditCount(String slug, String type) {
        return TestData.count("SELECT count(*) FROM audit_event WHERE tenant_id = (SELECT id FROM tenant WHERE slug = ?)"
                + " AND type = ?", slug, type);
    }

    /** Reads a user's state straight from the database. */
    static final class TestDataQueries {
        static boolean active(long userId) {
            try (var c = TestDatabase.connection(); var s = c.prepareStatement("SELECT active FROM directory_user WHERE id = ?")) {
                s.setLong(1, userId);
                try (var r = s.executeQuery()) {
                    r.next();
                    return r.getBoolean(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
