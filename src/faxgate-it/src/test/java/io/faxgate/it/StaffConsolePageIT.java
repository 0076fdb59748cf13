package io.faxgate.it;

import static io.faxgate.it.AdminPages.assertNoConsoleErrors;
import static io.faxgate.it.AdminPages.screenshot;
import static io.faxgate.it.AdminPages.waitForText;
import static io.faxgate.it.FaxgateApi.body;
import static io.faxgate.it.ScimEndpoint.patch;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.FaxgateApi.Answer;
import io.faxgate.it.browser.Browser;
import io.faxgate.it.browser.KeycloakLoginPage;
import io.faxgate.it.idp.KeycloakIdp;
import io.faxgate.it.idp.KeycloakIdp.TestUser;
import io.faxgate.it.idp.SamlClientSpec;
import java.io.IOException;
import java.nio.file.Files;
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
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The staff console end to end (issue 7): a staff member in two security groups (provisioned over SCIM, as Entra
 * does) signs in through a real IdP (Keycloak) in a real Chromium, sees exactly the two lines of their groups, faxes
 * from one line to the other over the loopback transport, sees it SENT on one and RECEIVED on the other, opens the
 * PDF — then SCIM removes them from one group and, without signing in again, that line and its documents are gone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffConsolePageIT {

    private static final Path ARTIFACTS = Path.of("target", "staff-console-it");
    private static final Duration SIGN_IN_WAIT = Duration.ofSeconds(30);

    private static KeycloakIdp idp;
    private static String slug;
    private static ScimEndpoint scim;
    private static TestUser sam;
    private static String scimUserId;
    private static String frontDeskGroup;
    private static String billingGroup;
    private static String billingGroupScimId;
    private static String frontDeskNumber;
    private static String billingNumber;

    @TempDir
    Path dir;

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    @BeforeAll
    static void staffMemberInTwoGroups() {
        long started = System.nanoTime();
        idp = KeycloakIdp.get();
        System.out.printf("StaffConsolePageIT: Keycloak ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        FaxgateApi operator = FaxgateApi.operator();
        slug = "console-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/v1/tenants/" + slug;
        String clientId = UUID.randomUUID().toString();
        assertThat(operator.post("/api/v1/tenants", body("slug", slug, "name", "Console Corp", "ssoAllowed", true)).status()).isEqualTo(201);
        idp.registerSamlClient(SamlClientSpec.forFaxgate(FaxgateApi.BASE_URL, slug, clientId));
        // Entra signs staff in; permissions are granted in Faxgate ("Authentication only"); SSO covers the web staff.
        Answer saved = operator.put(base + "/sso", body("enabled", true, "mode", "AUTHENTICATION_ONLY", "scope", "WEB_STAFF",
                "loginEndpoint", idp.loginEndpoint(), "idpEntityId", idp.entityId(), "clientId", clientId,
                "certificates", List.of(idp.signingCertificatePem())));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        // The IdP: the person and their two groups (named by GUID like Entra groups; the groups claim carries them).
        String email = "sam.staff@" + slug + ".example";
        sam = idp.createUser("sam-" + slug, "Pw-" + UUID.randomUUID(), email, "Sam", "Staff", UUID.randomUUID().toString());
        frontDeskGroup = idp.createEntraGroup();
        billingGroup = idp.createEntraGroup();
        idp.addToGroup(sam, frontDeskGroup);
        idp.addToGroup(sam, billingGroup);

        // SCIM provisioning (as Entra's provisioning service): the user by object id, both groups, both memberships.
        scim = ScimEndpoint.forTenant(slug, null);
        Answer user = scim.post("/Users", ScimEndpoint.user(email, sam.objectId(), "Sam", "Staff"));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        scimUserId = user.json().get("id").asText();
        String frontDeskGroupScimId = scimGroup("Front desk", frontDeskGroup);
        billingGroupScimId = scimGroup("Billing", billingGroup);

        frontDeskNumber = number();
        billingNumber = number();
        line(operator, base, frontDeskNumber, "Alpha front desk", frontDeskGroupScimId);
        line(operator, base, billingNumber, "Bravo billing", billingGroupScimId);
        for (String permission : List.of("VIEW_FAXES", "SEND_FAXES")) {
            Answer granted = operator.put(base + "/users/" + scimUserId + "/permissions/" + permission, null);
            assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        }
    }

    private static String scimGroup(String name, String externalId) {
        Answer group = scim.post("/Groups", ScimEndpoint.group(name, externalId));
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String id = group.json().get("id").asText();
        Answer added = scim.patch("/Groups/" + id, patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + scimUserId + "\"}]}"));
        assertThat(added.status()).as(added.toString()).isEqualTo(204);
        return id;
    }

    private static void line(FaxgateApi operator, String base, String number, String label, String groupId) {
        Answer line = operator.post(base + "/fax-lines", body("number", number, "label", label));
        assertThat(line.status()).as(line.toString()).isEqualTo(201);
        Answer bound = operator.put(base + "/security-groups/" + groupId + "/fax-lines/" + line.json().get("id").asLong(), null);
        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
    }

    private static String number() {
        return "+6" + (100000000L + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 899999999L));
    }

    @Test
    void seesTheUnionOfLinesFaxesLineToLineAndLosesALineWhenScimRemovesAGroup() throws Exception {
        Path pdf = onePagePdf(dir.resolve("order-form.pdf"));
        long started = System.nanoTime();
        try (Browser browser = Browser.open()) {
            ((JavascriptExecutor) browser.driver()).executeScript("return 1"); // warm up the driver
            browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            try {
                run(browser, pdf, started);
            } catch (RuntimeException | AssertionError e) {
                browser.saveArtifacts(ARTIFACTS, "failed");
                throw e;
            }
        }
        System.out.printf("StaffConsolePageIT: browser scenario took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    private void run(Browser browser, Path pdf, long started) throws java.io.IOException {
        Path notAPdf = Files.writeString(dir.resolve("letter.pdf"), "Dear Sir or Madam, this letter is plain text.");
        // 1. SP-initiated sign-in through Keycloak; a staff member without admin permissions lands on the console.
        browser.get(FaxgateApi.BASE_URL + "/sso/" + slug + "/login");
        browser.waitUntil(d -> KeycloakLoginPage.isShown(browser), SIGN_IN_WAIT);
        KeycloakLoginPage.signIn(browser, sam.username(), sam.password());
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(FaxgateApi.BASE_URL + "/console/"), SIGN_IN_WAIT);
        lap("signed in, on the console", started);
        browser.consoleMessages(); // Keycloak's own pages are not ours to judge
        browser.get(FaxgateApi.BASE_URL + "/console/");
        browser.waitFor(By.id("lineList"));
        assertThat(lineNumbers(browser)).as("exactly the lines of both groups").containsExactlyInAnyOrder(frontDeskNumber, billingNumber);
        assertThat(browser.waitFor(By.id("who")).getText()).isEqualTo(sam.email());

        // 2. A wrong number is named next to the field; nothing is queued.
        showLine(browser, frontDeskNumber);
        AdminPages.selectOne(browser, "send:from", "Alpha");
        browser.type(By.id("send:to"), "0301234");
        attach(browser, pdf);
        browser.click(By.id("send:sendFax"));
        assertThat(waitForText(browser, By.id("send:toMessage"), "E.164")).startsWith("To:");
        assertThat(rowCount(browser)).as("nothing queued").isZero();

        // A file that is named .pdf but is no PDF: the server looks inside and says so next to the upload field.
        browser.type(By.id("send:to"), billingNumber);
        attach(browser, notAPdf);
        browser.click(By.id("send:sendFax"));
        assertThat(waitForText(browser, By.id("send:documentMessage"), "not a PDF")).contains("not a PDF");
        assertThat(rowCount(browser)).as("nothing queued").isZero();

        // 3. Line to line over the loopback transport: QUEUED → … → SENT on the sending line (the page polls).
        browser.type(By.id("send:to"), billingNumber);
        browser.type(By.id("send:coverNote"), "Please countersign and fax back. — Sam");
        attach(browser, pdf);
        browser.click(By.id("send:sendFax"));
        waitForText(browser, By.id("messages"), "Fax to " + billingNumber + " queued");
        waitForFirstRow(browser, "SENT", Duration.ofSeconds(30));
        lap("sent", started);
        assertThat(firstRow(browser, ".fax-remote")).isEqualTo(billingNumber);
        assertThat(firstRow(browser, ".fax-direction")).contains("Sent");
        assertThat(firstRowCell(browser, 5)).as("pages: the cover page and the document").isEqualTo("2");
        assertThat(firstRow(browser, ".fax-note")).contains("Please countersign");
        String sentDocument = documentUrl(browser);
        assertNoConsoleErrors(browser);
        screenshot(browser, "console-sent");

        // 4. It arrived on the other line, which the same person reaches: RECEIVED, from the sending line.
        showLine(browser, billingNumber);
        waitForFirstRow(browser, "RECEIVED", Duration.ofSeconds(20));
        assertThat(firstRow(browser, ".fax-remote")).isEqualTo(frontDeskNumber);
        assertThat(firstRow(browser, ".fax-direction")).contains("Received");
        WebElement view = browser.waitFor(By.cssSelector("[id='faxes:table'] tbody tr .fax-view"));
        assertThat(view.getAttribute("target")).isEqualTo("_blank");
        String receivedDocument = documentUrl(browser);
        assertThat(fetch(browser, receivedDocument)).as("the PDF, with this browser session").isEqualTo("200 application/pdf %PDF-");
        assertThat(fetch(browser, receivedDocument + "?download=true")).startsWith("200 application/pdf");
        assertNoConsoleErrors(browser);
        screenshot(browser, "console-received");
        lap("received and viewed", started);

        // 5. SCIM takes the person out of the Billing group: no new sign-in, the line and its documents go at once.
        Answer removed = scim.patch("/Groups/" + billingGroupScimId,
                patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + scimUserId + "\"}]}"));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        idp.removeFromGroup(sam, billingGroup); // the IdP agrees, as Entra would
        assertThat(fetch(browser, receivedDocument)).as("the document URL of the lost line, same session").startsWith("404");
        browser.waitUntil(d -> lineNumbers(browser).equals(List.of(frontDeskNumber)), Duration.ofSeconds(20));
        lap("line removed by the poll", started);
        assertThat(waitForText(browser, By.id("notices"), "no longer have access to line " + billingNumber)).contains("group membership changed");
        assertThat(browser.waitFor(By.id("faxesHeading")).getText()).contains(frontDeskNumber);
        assertThat(fetch(browser, sentDocument)).as("the line still reached keeps its documents").startsWith("200");
        assertNoConsoleErrors(browser);
        screenshot(browser, "console-line-removed");

        // The start page links to the console for staff.
        browser.get(FaxgateApi.BASE_URL + "/");
        assertThat(browser.waitFor(By.id("staffConsole")).getAttribute("href")).endsWith("/console/index.xhtml");
    }

    private static void lap(String what, long started) {
        System.out.printf("StaffConsolePageIT: %s after %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
    }

    private static List<String> lineNumbers(Browser browser) {
        try {
            return browser.driver().findElements(By.cssSelector("#lineList li[data-number]")).stream()
                    .map(li -> li.getAttribute("data-number")).toList();
        } catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
            return List.of();
        }
    }

    private static void showLine(Browser browser, String number) {
        browser.click(By.cssSelector("#lineList li[data-number='" + number + "'] a"));
        waitForText(browser, By.id("faxesHeading"), number);
    }

    private static void attach(Browser browser, Path pdf) {
        browser.driver().findElement(By.id("send:document_input")).sendKeys(pdf.toAbsolutePath().toString());
    }

    private static int rowCount(Browser browser) {
        return browser.driver().findElements(By.cssSelector("[id='faxes:table'] tbody tr .fax-status")).size();
    }

    private static void waitForFirstRow(Browser browser, String status, Duration timeout) {
        browser.waitUntil(d -> status.equals(firstRowOrNull(browser, ".fax-status")), timeout);
    }

    private static String firstRow(Browser browser, String css) {
        return browser.waitUntil(d -> firstRowOrNull(browser, css));
    }

    private static String firstRowOrNull(Browser browser, String css) {
        try {
            List<WebElement> found = browser.driver().findElements(By.cssSelector("[id='faxes:table'] tbody tr:first-child " + css));
            return found.isEmpty() ? null : found.get(0).getText().strip();
        } catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
            return null;
        }
    }

    private static String firstRowCell(Browser browser, int column) {
        return firstRow(browser, "td:nth-child(" + column + ")");
    }

    private static String documentUrl(Browser browser) {
        String href = browser.waitUntil(d -> {
            try {
                List<WebElement> links = d.findElements(By.cssSelector("[id='faxes:table'] tbody tr:first-child .fax-view"));
                return links.isEmpty() ? null : links.get(0).getAttribute("href");
            } catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
                return null;
            }
        });
        assertThat(href).matches(java.util.regex.Pattern.quote(FaxgateApi.BASE_URL) + "/api/v1/me/faxes/\\d+/document");
        return href;
    }

    /** GET with this browser's cookies, from the page (as the PDF viewer would): "status content-type first-5-bytes". */
    private static String fetch(Browser browser, String url) {
        Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {
                    return r.arrayBuffer().then(function (b) {
                        var head = String.fromCharCode.apply(null, new Uint8Array(b).slice(0, 5));
                        done(r.status + ' ' + (r.headers.get('content-type') || '') + ' ' + head);
                    });
                }).catch(function (e) { done('error ' + e); });""", url);
        return String.valueOf(answer);
    }

    private static Path onePagePdf(Path file) throws IOException {
        return Files.write(file, Pdfs.withPages(1, "Order form 4711 - please countersign"));
    }
}
