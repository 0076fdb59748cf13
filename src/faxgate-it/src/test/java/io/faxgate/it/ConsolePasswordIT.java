package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.FaxgateApi.Answer;
import io.faxgate.formats.Pem;
import io.faxgate.sso.saml.fixture.EntraIdp;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Web staff console passwords: set by a user manager where SSO does not cover web staff, signed in with at
 * login.xhtml, acting as the directory user (their lines), ended at once when SSO starts covering web staff.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsolePasswordIT {

    private static final FaxgateApi OPERATOR = FaxgateApi.operator();

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    /** A browser on the sign-in page: cookies kept, redirects not followed. */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> send(HttpRequest request) {
            return FaxgateApi.exchange(http, request);
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + path)).build());
        }

        HttpResponse<String> post(String path, String origin) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + path))
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody());
            if (origin != null) {
                request.header("Origin", origin);
            }
            return send(request.build());
        }

        /** Fills in the sign-in form as a person would; the answer to the form post. */
        HttpResponse<String> signIn(String username, String password) {
            return send(FacesForm.signIn(get("/login.xhtml").body(), username, password));
        }
    }

    /** A PrimeFaces ajax click on a command button of a page's form, as the page's script sends it. */
    static HttpResponse<String> click(Browser browser, String path, String page, String form, String button) {
        Map<String, String> fields = FacesForm.fields(page);
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", button);
        fields.put("jakarta.faces.partial.execute", button);
        fields.put("jakarta.faces.partial.render", form);
        fields.put(button, button);
        fields.put(form, form);
        return browser.send(FacesForm.post(path, fields).header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest").build());
    }

    @Test
    void theAdminUserPageSetsAConsolePasswordAndShowsItOnce() {
        String slug = "console-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/v1/tenants/" + slug;
        assertThat(OPERATOR.post("/api/v1/tenants", body("slug", slug, "name", slug)).status()).isEqualTo(201);
        String adminName = "admin-" + slug;
        String adminPassword = "admin-password-" + slug;
        assertThat(OPERATOR.post(base + "/admins", body("username", adminName, "password", adminPassword)).status()).isEqualTo(201);
        long zoe = TestData.user(slug, "zoe." + slug, "Zoe");
        Browser admin = new Browser();
        assertThat(admin.signIn(adminName, adminPassword).statusCode()).isEqualTo(302);

        String path = "/admin/user.xhtml?id=" + zoe;
        HttpResponse<String> page = admin.get(path);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Console password").contains("Set console password").contains("none set");
        HttpResponse<String> clicked = click(admin, path, page.body(), "user", "user:setConsolePassword");
        assertThat(clicked.statusCode()).as(clicked.body()).isEqualTo(200);
        Matcher shown = Pattern.compile("id=\"consolePasswordValue\"[^>]*>([A-Za-z0-9]{20})<").matcher(clicked.body());
        assertThat(shown.find()).as("the password is shown: " + clicked.body()).isTrue();
        assertThat(clicked.body()).contains("Reset console password").contains("shown only this once");

        HttpResponse<String> reloaded = admin.get(path);
        assertThat(reloaded.body()).contains("zoe." + slug).doesNotContain(shown.group(1)).contains("Remove console password");
        Browser zoeBrowser = new Browser();
        assertThat(zoeBrowser.signIn(slug + "/zoe." + slug, shown.group(1)).statusCode()).as("the shown password works").isEqualTo(302);
    }

    private static Map<String, Object> ssoSettings(boolean enabled, String scope) {
        return body("enabled", enabled, "mode", "AUTHENTICATION_ONLY", "scope", scope,
                "loginEndpoint", "https://login.microsoftonline.com/" + EntraIdp.TENANT + "/saml2",
                "clientId", UUID.randomUUID().toString(),
                "certificates", List.of(Pem.encodeCertificate(EntraIdp.IDP.certificate())), "allowIdpInitiated", false);
    }

    private static int audited(String type, String target) {
        return TestData.count("SELECT count(*) FROM audit_event WHERE type = ? AND target = ?", type, target);
    }

    @Test
    void aConsolePasswordSignsInAsTheDirectoryUserAndEndsWhenSsoStartsCoveringWebStaff() {
        String slug = "console-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/v1/tenants/" + slug;
        assertThat(OPERATOR.post("/api/v1/tenants", body("slug", slug, "name", slug, "ssoAllowed", true)).status()).isEqualTo(201);
        String adminName = "admin-" + slug;
        String adminPassword = "admin-password-" + slug;
        assertThat(OPERATOR.post(base + "/admins", body("username", adminName, "password", adminPassword)).status()).isEqualTo(201);
        FaxgateApi admin = FaxgateApi.as(adminName, adminPassword);

        long group = admin.post(base + "/security-groups", body("externalId", UUID.randomUUID().toString(), "displayName", "Front desk"))
                .json().get("id").asLong();
        long line = admin.post(base + "/fax-lines", body("number", FaxAccessIT.number(), "label", "Front desk")).json().get("id").asLong();
        assertThat(admin.put(base + "/security-groups/" + group + "/fax-lines/" + line, null).status()).isEqualTo(200);
        String carolName = "carol." + slug;
        long carol = TestData.user(slug, carolName, "Carol");
        TestData.membership(slug, group, carol);
        assertThat(admin.put(base + "/users/" + carol + "/permissions/VIEW_FAXES", null).status()).isEqualTo(200);

        assertThat(admin.get(base + "/users/" + carol + "/console-password").status()).as("none yet").isEqualTo(404);
        Answer created = admin.post(base + "/users/" + carol + "/console-password", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String carolSignIn = slug + "/" + carolName;
        assertThat(created.json().get("username").asText()).as("console passwords sign in naming their company")
                .isEqualTo(carolSignIn);
        String password = created.json().get("password").asText();
        assertThat(password).hasSize(20);
        assertThat(audited("WEB_STAFF_PASSWORD_SET", carolName)).isEqualTo(1);
        Answer shown = admin.get(base + "/users/" + carol + "/console-password");
        assertThat(shown.json().get("username").asText()).isEqualTo(carolSignIn);
        assertThat(shown.raw().body()).as("the password is shown only once").doesNotContain(password);

        Browser browser = new Browser();
        HttpResponse<String> signedIn = browser.signIn(carolSignIn, password);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).as("staff land on their console")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/console/index.xhtml"));
        HttpResponse<String> lines = browser.get("/api/v1/me/fax-lines");
        assertThat(lines.statusCode()).as(lines.body()).isEqualTo(200);
        assertThat(lines.body()).contains("\"id\":" + line);
        assertThat(browser.get("/api/v1/me").body()).contains("local:" + carolSignIn).contains("\"userId\":" + carol);

        Answer ssoOn = OPERATOR.put(base + "/sso", ssoSettings(true, "WEB_STAFF"));
        assertThat(ssoOn.status()).as(ssoOn.toString()).isEqualTo(200);
        assertThat(browser.get("/api/v1/me/fax-lines").statusCode()).as("the open password session ends").isEqualTo(401);
        assertThat(new Browser().signIn(carolSignIn, password).statusCode()).as("and no new one starts").isEqualTo(200);
        Answer refused = admin.post(base + "/users/" + carol + "/console-password", null);
        assertThat(refused.status()).as("admins still sign in with passwords: SSO covers only web staff").isEqualTo(409);
        assertThat(refused.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("scope");

        assertThat(OPERATOR.put(base + "/sso", ssoSettings(false, "WEB_STAFF")).status()).isEqualTo(200);
        Browser again = new Browser();
        assertThat(again.signIn(carolSignIn, password).statusCode()).as("SSO off: the password works again").isEqualTo(302);
        Answer reset = admin.post(base + "/users/" + carol + "/console-password", null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(201);
        assertThat(again.get("/api/v1/me/fax-lines").statusCode()).as("a reset ends sessions of the old password").isEqualTo(401);
        assertThat(new Browser().signIn(carolSignIn, password).statusCode()).as("the old password is refused").isEqualTo(200);
        password = reset.json().get("password").asText();
        assertThat(again.signIn(carolSignIn, password).statusCode()).as("the new one works").isEqualTo(302);
        assertThat(admin.delete(base + "/users/" + carol + "/console-password").status()).isEqualTo(204);
        assertThat(again.get("/api/v1/me/fax-lines").statusCode()).as("removed: the session ends").isEqualTo(401);
        assertThat(new Browser().signIn(carolSignIn, password).statusCode()).isEqualTo(200);
        assertThat(admin.get(base + "/users/" + carol + "/console-password").status()).isEqualTo(404);
        assertThat(admin.delete(base + "/users/" + carol + "/console-password").status()).as("idempotent").isEqualTo(204);
        assertThat(audited("WEB_STAFF_PASSWORD_REMOVED", carolName)).isEqualTo(1);
    }

    @Test
    void theUsernameMustBeFreeInTheTenantAndOtherTenantsUsersAreNotFound() {
        String slug = "console-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/v1/tenants/" + slug;
        assertThat(OPERATOR.post("/api/v1/tenants", body("slug", slug, "name", slug)).status()).isEqualTo(201);
        String taken = "taken-" + slug;
        assertThat(OPERATOR.post(base + "/admins", body("username", taken, "password", "a-long-enough-password-9")).status()).isEqualTo(201);
        long dave = TestData.user(slug, taken, "Dave");
        Answer clash = OPERATOR.post(base + "/users/" + dave + "/console-password", null);
        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("username");

        String other = "console-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(OPERATOR.post("/api/v1/tenants", body("slug", other, "name", other)).status()).isEqualTo(201);
        String otherAdmin = "admin-" + other;
        OPERATOR.post("/api/v1/tenants/" + other + "/admins", body("username", otherAdmin, "password", "a-long-enough-password-8"));
        long erin = TestData.user(slug, "erin." + slug, "Erin");
        FaxgateApi foreign = FaxgateApi.as(otherAdmin, "a-long-enough-password-8");
        assertThat(foreign.post("/api/v1/tenants/" + other + "/users/" + erin + "/console-password", null).status())
                .as("a user of another tenant, through one's own slug").isEqualTo(404);
        assertThat(foreign.post(base + "/users/" + erin + "/console-password", null).status())
                .as("another tenant's slug").isEqualTo(404);
    }

    @Test
    void aUserManagerCannotTakeOverAMorePowerfulUserAndACookieCallNeedsOurOrigin() {
        String slug = "console-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/v1/tenants/" + slug;
        assertThat(OPERATOR.post("/api/v1/tenants", body("slug", slug, "name", slug)).status()).isEqualTo(201);
        long manager = TestData.user(slug, "mia." + slug, "Mia");
        long powerful = TestData.user(slug, "pat." + slug, "Pat");
        long plain = TestData.user(slug, "sam." + slug, "Sam");
        assertThat(OPERATOR.put(base + "/users/" + manager + "/permissions/MANAGE_USERS", null).status()).isEqualTo(200);
        assertThat(OPERATOR.put(base + "/users/" + powerful + "/permissions/MANAGE_SSO", null).status()).isEqualTo(200);
        String password = OPERATOR.post(base + "/users/" + manager + "/console-password", null).json().get("password").asText();
        Browser mia = new Browser();
        assertThat(mia.signIn(slug + "/mia." + slug, password).statusCode()).isEqualTo(302);

        assertThat(mia.post(base + "/users/" + plain + "/console-password", null).statusCode())
                .as("no Origin with a session cookie: refused as cross-site").isEqualTo(403);
        assertThat(mia.post(base + "/users/" + plain + "/console-password", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(OPERATOR.get(base + "/users/" + plain + "/console-password").status()).isEqualTo(404);

        HttpResponse<String> ok = mia.post(base + "/users/" + plain + "/console-password", FaxgateApi.BASE_URL);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        HttpResponse<String> takeover = mia.post(base + "/users/" + powerful + "/console-password", FaxgateApi.BASE_URL);
        assertThat(takeover.statusCode()).as("Pat holds MANAGE_SSO, which Mia does not: " + takeover.body()).isEqualTo(403);
        assertThat(OPERATOR.get(base + "/users/" + powerful + "/console-password").status()).isEqualTo(404);
    }
}
