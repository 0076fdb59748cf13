package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.FaxgateApi.Answer;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may call what: HTTP Basic, the sign-in page's session, @RolesAllowed on the facades, and instant revocation. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthenticationIT {

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    private static String tenantWithAdmin(String username, String password) {
        String slug = "auth-" + UUID.randomUUID().toString().substring(0, 8);
        FaxgateApi operator = FaxgateApi.operator();
        assertThat(operator.post("/api/v1/tenants", body("slug", slug, "name", slug)).status()).isEqualTo(201);
        assertThat(operator.post("/api/v1/tenants/" + slug + "/admins", body("username", username, "password", password)).status()).isEqualTo(201);
        return slug;
    }

    @Test
    void anonymousAndWrongPasswordAre401WithAChallenge() {
        Answer anonymous = FaxgateApi.anonymous().get("/api/v1/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(FaxgateApi.anonymous().get("/api/v1/tenants").status()).isEqualTo(401);
        assertThat(FaxgateApi.as("operator", "wrong").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(FaxgateApi.as("nobody", "wrong").get("/api/v1/me").status()).isEqualTo(401);
    }

    /**
     * Refused before any EJB is called: the container used to log each refusal as a system exception with a 60-line
     * stack trace, so anonymous requests could roll the server log over and push out what an operator needs.
     */
    @Test
    void anonymousApiCallsAreRefusedWithoutWritingTheServerLog() throws Exception {
        Path log = Path.of(System.getProperty("arquillian.payara.home"), "glassfish", "domains",
                System.getProperty("arquillian.payara.domain"), "logs", "server.log");
        long before = Files.size(log);
        for (int i = 0; i < 20; i++) {
            assertThat(FaxgateApi.anonymous().get("/api/v1/me").status()).isEqualTo(401);
            assertThat(FaxgateApi.anonymous().get("/api/v1/tenants").status()).isEqualTo(401);
            assertThat(FaxgateApi.anonymous().get("/api/v1/tenants/x/audit-events").status()).isEqualTo(401);
        }
        // the server writes its log asynchronously: give it time to show what these calls wrote, if anything
        long until = System.nanoTime() + 2_000_000_000L;
        String added = "";
        while (System.nanoTime() < until) {
            Thread.sleep(200);
            byte[] now = Files.readAllBytes(log);
            int from = now.length < before ? 0 : (int) before; // rotated meanwhile: all of the new file is new
            added = new String(now, from, now.length - from, StandardCharsets.UTF_8);
            if (added.contains("Client not authorized")) {
                break;
            }
        }
        assertThat(added).doesNotContain("Client not authorized").doesNotContain("AccessLocalException");
        assertThat(FaxgateApi.anonymous().post("/api/v1/carrier/inbound-faxes", "{}").toString())
                .as("the carrier webhook authenticates its requests itself (HMAC), not by a signed-in caller")
                .doesNotContain("sign in first");
    }

    @Test
    void operatorIsThePlatformOperator() {
        Answer me = FaxgateApi.operator().get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("kind").asText()).isEqualTo("PLATFORM_OPERATOR");
        assertThat(me.json().get("roles").toString()).contains("PLATFORM_OPERATOR");
    }

    @Test
    void rolesAllowedOnTheFacadesKeepTenantAdminsOutOfOperatorActions() {
        String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a-long-enough-password-1";
        String slug = tenantWithAdmin(username, password);
        FaxgateApi admin = FaxgateApi.as(username, password);

        assertThat(admin.get("/api/v1/tenants").status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/tenants", body("slug", "sneaky", "name", "Sneaky")).status()).isEqualTo(403);
        Answer promote = admin.put("/api/v1/tenants/" + slug, body("name", slug, "ssoAllowed", true, "version", 1));
        assertThat(promote.status()).as("a tenant admin cannot allow SSO for themselves").isEqualTo(403);
        assertThat(admin.post("/api/v1/tenants/" + slug + "/admins", body("username", "another-admin", "password", password)).status()).isEqualTo(403);

        assertThat(deniedAuditCount("local:" + username)).as("each denial is in the audit log").isGreaterThanOrEqualTo(3);

        Answer me = admin.get("/api/v1/me");
        assertThat(me.json().get("kind").asText()).isEqualTo("TENANT_ADMIN");
        assertThat(me.json().get("permissions").toString()).contains("MANAGE_SSO", "MANAGE_FAX_LINES").doesNotContain("SEND_FAXES");
    }

    @Test
    void theSignInPageRenewsTheSessionAndADisabledAccountLosesItsOpenSessionAtOnce() throws Exception {
        String username = "session-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "another-long-password-2";
        tenantWithAdmin(username, password);
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(form.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie.toLowerCase())
                .startsWith("jsessionid=").contains("httponly").contains("samesite=lax"));
        String sessionBefore = sessionId(cookies);

        HttpResponse<String> wrong = browser.send(signIn(form.body(), username, "wrong-password"), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Wrong username or password");

        HttpResponse<String> signedIn = browser.send(signIn(wrong.body(), username, password), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(sessionId(cookies)).as("session id renewed at sign-in").isNotEqualTo(sessionBefore);

        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + "/api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("local:" + username);

        String slug = me.body().replaceAll(".*\"tenant\":\"([^\"]+)\".*", "$1");
        Answer disabled = FaxgateApi.operator().put("/api/v1/tenants/" + slug + "/admins/" + username + "/enabled", body("enabled", false));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(204);

        HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create(FaxgateApi.BASE_URL + "/api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("the open session stops working on the next request").isEqualTo(401);
    }

    private static int deniedAuditCount(String actor) {
        return TestData.count("SELECT count(*) FROM audit_event WHERE type = 'ACCESS_DENIED' AND outcome = 'DENIED'"
                + " AND actor = ?", actor);
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static HttpRequest signIn(String page, String username, String password) {
        return FacesForm.signIn(page, username, password);
    }
}
