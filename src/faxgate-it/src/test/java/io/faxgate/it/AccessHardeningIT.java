package io.faxgate.it;

import static io.faxgate.it.FaxgateApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.faxgate.it.FaxgateApi.Answer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11 items 2, 8, 10, 12 and the admin link, each tried as the attacker would over HTTP: permission escalation
 * by grant and by role mapping, parallel password guessing, probing other tenants' usernames through console
 * passwords, and cross-site posts riding on cached Basic credentials.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessHardeningIT {

    private static final FaxgateApi OPERATOR = FaxgateApi.operator();

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    private static String tenant() {
        String slug = "hard-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(OPERATOR.post("/api/v1/tenants", body("slug", slug, "name", slug)).status()).isEqualTo(201);
        return slug;
    }

    /** A directory user with these permissions and a console password; signs in over HTTP Basic as {slug}/{name}. */
    private static FaxgateApi staff(String slug, String userName, long[] id, String... permissions) {
        String base = "/api/v1/tenants/" + slug;
        id[0] = TestData.user(slug, userName, userName);
        for (String p : permissions) {
            assertThat(OPERATOR.put(base + "/users/" + id[0] + "/permissions/" + p, null).status()).isEqualTo(200);
        }
        Answer created = OPERATOR.post(base + "/users/" + id[0] + "/console-password", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return FaxgateApi.as(created.json().get("username").asText(), created.json().get("password").asText());
    }

    private static int refusals(String actor) {
        return TestData.count("SELECT count(*) FROM audit_event WHERE type = 'PERMISSION_CHANGE_REFUSED' AND outcome = 'DENIED'"
                + " AND actor = ?", actor);
    }

    @Test
    void aUserManagerCannotGrantHerselfOrOthersWhatSheLacks() {
        String slug = tenant();
        String base = "/api/v1/tenants/" + slug;
        long[] mia = new long[1];
        long[] pat = new long[1];
        FaxgateApi asMia = staff(slug, "mia." + slug, mia, "MANAGE_USERS");
        pat[0] = TestData.user(slug, "pat." + slug, "Pat");
        String miaActor = "local:" + slug + "/mia." + slug;

        Answer selfSso = asMia.put(base + "/users/" + mia[0] + "/permissions/MANAGE_SSO", null);
        assertThat(selfSso.status()).as("the reported attack: " + selfSso).isEqualTo(403);
        assertThat(selfSso.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("permission");
        assertThat(asMia.put(base + "/users/" + mia[0] + "/permissions/VIEW_FAXES", null).status())
                .as("not even a staff permission for herself").isEqualTo(403);
        assertThat(asMia.delete(base + "/users/" + mia[0] + "/permissions/MANAGE_USERS").status())
                .as("nor removing her own").isEqualTo(403);
        assertThat(asMia.put(base + "/users/" + pat[0] + "/permissions/MANAGE_SSO", null).status())
                .as("MANAGE_SSO for a friend: she does not hold it").isEqualTo(403);
        assertThat(asMia.get(base + "/sso").status()).as("and she still cannot read SSO settings").isEqualTo(403);

        assertThat(asMia.put(base + "/users/" + pat[0] + "/permissions/MANAGE_USERS", null).status())
                .as("what she holds, she may hand on").isEqualTo(200);
        assertThat(asMia.put(base + "/users/" + pat[0] + "/permissions/VIEW_FAXES", null).status())
                .as("staff permissions are what user managers hand out").isEqualTo(200);
        assertThat(OPERATOR.get(base + "/users/" + mia[0] + "/permissions").raw().body()).doesNotContain("MANAGE_SSO");
        assertThat(OPERATOR.get(base + "/users/" + pat[0] + "/permissions").raw().body()).doesNotContain("MANAGE_SSO");
        assertThat(refusals(miaActor)).as("every refusal is audited").isEqualTo(4);
    }

    @Test
    void aRoleMapperCannotMapHerOwnGroupOrAnyGroupToAPermissionSheLacks() {
        String slug = tenant();
        String base = "/api/v1/tenants/" + slug;
        long[] rita = new long[1];
        FaxgateApi asRita = staff(slug, "rita." + slug, rita, "MANAGE_ROLE_MAPPINGS");
        String ownGroup = UUID.randomUUID().toString();
        long group = OPERATOR.post(base + "/security-groups", body("externalId", ownGroup, "displayName", "Rita's team"))
                .json().get("id").asLong();
        TestData.membership(slug, group, rita[0]);

        Answer own = asRita.post(base + "/role-mappings", body("claimValue", ownGroup, "permission", "MANAGE_SSO"));
        assertThat(own.status()).as("her own group to MANAGE_SSO: " + own).isEqualTo(403);
        assertThat(own.json().get("fieldErrors").get(0).get("field").asText()).isEqualTo("permission");
        assertThat(asRita.post(base + "/role-mappings", body("claimValue", "Fax.Admin", "permission", "MANAGE_USERS")).status())
                .as("any app role or group to a permission she lacks").isEqualTo(403);
        assertThat(asRita.post(base + "/role-mappings", body("claimValue", ownGroup, "permission", "VIEW_FAXES")).status())
                .as("her own group changes her own permissions, whatever the permission").isEqualTo(403);
        assertThat(asRita.post(base + "/role-mappings", body("claimValue", ownGroup, "permission", "MANAGE_ROLE_MAPPINGS")).status())
                .isEqualTo(403);
        assertThat(OPERATOR.get(base + "/role-mappings").json()).as("nothing was mapped").isEmpty();

        assertThat(asRita.post(base + "/role-mappings", body("claimValue", "Fax.Staff", "permission", "VIEW_FAXES")).status())
                .as("a staff permission for another app role").isEqualTo(201);
        assertThat(refusals("local:" + slug + "/rita." + slug)).isEqualTo(4);
    }

    @Test
    void parallelWrongPasswordsAreAllCountedAndLockTheAccount() throws Exception {
        String slug = tenant();
        String admin = "lock-" + slug;
        String password = "right-password-" + slug;
        assertThat(OPERATOR.post("/api/v1/tenants/" + slug + "/admins", body("username", admin, "password", password)).status())
                .isEqualTo(201);
        FaxgateApi wrong = FaxgateApi.as(admin, "wrong-password");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<CompletableFuture<Integer>> guesses = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                guesses.add(CompletableFuture.supplyAsync(() -> wrong.get("/api/v1/me").status(), pool));
            }
            for (CompletableFuture<Integer> guess : guesses) {
                assertThat(guess.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdown();
        }
        int failures = TestData.count("SELECT count(*) FROM audit_event WHERE type = 'LOCAL_SIGN_IN' AND target = ? AND outcome = 'FAILURE'", admin);
        int refused = TestData.count("SELECT count(*) FROM audit_event WHERE type = 'LOCAL_SIGN_IN' AND target = ? AND outcome = 'DENIED'", admin);
        assertThat(failures).as("at most five passwords were checked at all, however parallel").isEqualTo(5);
        assertThat(failures + refused).as("every one of the 20 guesses was counted").isEqualTo(20);
        assertThat(TestData.count("SELECT count(*) FROM audit_event WHERE type = 'LOCAL_ACCOUNT_LOCKED' AND target = ?", admin))
                .isEqualTo(1);
        assertThat(TestData.strings("SELECT failed_sign_ins FROM local_account WHERE username = ?", admin)).containsExactly("5");

        assertThat(FaxgateApi.as(admin, password).get("/api/v1/me").status()).as("locked: even the right password").isEqualTo(401);
        TestData.execute("UPDATE local_account SET locked_until = TIMESTAMP '2000-01-01 00:00:00' WHERE username = ?", admin);
        assertThat(FaxgateApi.as(admin, password).get("/api/v1/me").status()).as("the lock period is over").isEqualTo(200);
        assertThat(TestData.strings("SELECT failed_sign_ins FROM local_account WHERE username = ?", admin)).containsExactly("0");
    }

    @Test
    void anAdministratorSettingANewPasswordUnlocks() {
        String slug = tenant();
        long[] id = new long[1];
        String userName = "lou." + slug;
        staff(slug, userName, id);
        FaxgateApi wrong = FaxgateApi.as(slug + "/" + userName, "wrong-password");
        for (int i = 0; i < 6; i++) {
            assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        }
        Answer reset = OPERATOR.post("/api/v1/tenants/" + slug + "/users/" + id[0] + "/console-password", null);
        assertThat(reset.status()).isEqualTo(201);
        assertThat(FaxgateApi.as(reset.json().get("username").asText(), reset.json().get("password").asText())
                .get("/api/v1/me").status()).as("the new password works at once").isEqualTo(200);
    }

    @Test
    void consolePasswordsTellNothingAboutOtherTenantsOrOperatorsAndNamesArePerTenant() {
        String a = tenant();
        String b = tenant();
        String adminA = "adm-" + a;
        String adminB = "adm-" + b;
        assertThat(OPERATOR.post("/api/v1/tenants/" + a + "/admins", body("username", adminA, "password", "password-of-" + a)).status()).isEqualTo(201);
        assertThat(OPERATOR.post("/api/v1/tenants/" + b + "/admins", body("username", adminB, "password", "password-of-" + b)).status()).isEqualTo(201);
        FaxgateApi asAdminA = FaxgateApi.as(adminA, "password-of-" + a);

        // Tenant A's admin probes: B's administrator, the operator, and a name nobody has.
        List<String> answers = new ArrayList<>();
        for (String probe : List.of(adminB, "operator", "nobody-" + UUID.randomUUID())) {
            long user = TestData.user(a, probe, probe);
            Answer answer = asAdminA.post("/api/v1/tenants/" + a + "/users/" + user + "/console-password", null);
            answers.add(answer.status() + " " + answer.json().get("username").asText().replace(probe, "<name>"));
        }
        assertThat(answers).as("the same answer whoever else has the name").containsOnly("201 " + a + "/<name>");

        // The same console username in two tenants; each signs in as its own, the old names keep their owners.
        String shared = "shared.name@example.com";
        long inA = TestData.user(a, shared, "A's");
        long inB = TestData.user(b, shared, "B's");
        Answer passwordA = asAdminA.post("/api/v1/tenants/" + a + "/users/" + inA + "/console-password", null);
        Answer passwordB = FaxgateApi.as(adminB, "password-of-" + b).post("/api/v1/tenants/" + b + "/users/" + inB + "/console-password", null);
        assertThat(passwordA.status()).isEqualTo(201);
        assertThat(passwordB.status()).as("the same username in another tenant").isEqualTo(201);
        assertThat(FaxgateApi.as(a + "/" + shared, passwordA.json().get("password").asText()).get("/api/v1/me").json()
                .get("tenant").asText()).isEqualTo(a);
        assertThat(FaxgateApi.as(b + "/" + shared, passwordB.json().get("password").asText()).get("/api/v1/me").json()
                .get("tenant").asText()).isEqualTo(b);
        assertThat(FaxgateApi.as(a + "/" + shared, passwordB.json().get("password").asText()).get("/api/v1/me").status())
                .as("B's password does not open A's account").isEqualTo(401);
        assertThat(FaxgateApi.as(adminB, "password-of-" + b).get("/api/v1/me").json().get("tenant").asText())
                .as("B's administrator still signs in by the bare name").isEqualTo(b);
        assertThat(OPERATOR.get("/api/v1/me").json().get("kind").asText()).as("and so does the operator").isEqualTo("PLATFORM_OPERATOR");
    }

    @Test
    void crossSitePostsRidingOnBasicCredentialsAreRefused() {
        String slug = tenant();
        String base = "/api/v1/tenants/" + slug;
        String admin = "csrf-" + slug;
        assertThat(OPERATOR.post(base + "/admins", body("username", admin, "password", "password-of-" + slug)).status()).isEqualTo(201);
        FaxgateApi cachedInBrowser = FaxgateApi.as(admin, "password-of-" + slug);
        long user = TestData.user(slug, "victim." + slug, "Victim");
        String path = base + "/users/" + user + "/console-password";

        Answer crossSite = cachedInBrowser.sendRaw("POST", path, HttpRequest.BodyPublishers.ofString("x=1"),
                Map.of("Origin", "https://evil.example", "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(crossSite.status()).as("another site's form post with cached Basic credentials: " + crossSite).isEqualTo(403);
        Answer noOrigin = cachedInBrowser.sendRaw("POST", path, HttpRequest.BodyPublishers.ofString("x=1"),
                Map.of("Content-Type", "text/plain"));
        assertThat(noOrigin.status()).as("a browser that sends no Origin: the form body gives it away " + noOrigin).isEqualTo(415);
        Answer multipart = cachedInBrowser.sendRaw("POST", base + "/role-mappings", HttpRequest.BodyPublishers.ofString("--b--"),
                Map.of("Content-Type", "multipart/form-data; boundary=b"));
        assertThat(multipart.status()).isEqualTo(415);
        assertThat(OPERATOR.get(path).status()).as("nothing was changed").isEqualTo(404);

        Answer sameOrigin = cachedInBrowser.sendRaw("POST", path, HttpRequest.BodyPublishers.noBody(),
                Map.of("Origin", FaxgateApi.BASE_URL, "Accept", "application/json"));
        assertThat(sameOrigin.status()).as("our own page: " + sameOrigin).isEqualTo(201);
        assertThat(cachedInBrowser.post(base + "/role-mappings", body("claimValue", "Fax.Staff", "permission", "VIEW_FAXES")).status())
                .as("an API client (no Origin, JSON)").isEqualTo(201);
    }

    @Test
    void aScimTokenManagerSeesTheAdminLink() {
        String slug = tenant();
        long[] id = new long[1];
        String userName = "scim." + slug;
        staff(slug, userName, id, "MANAGE_SCIM_TOKENS");
        String password = OPERATOR.post("/api/v1/tenants/" + slug + "/users/" + id[0] + "/console-password", null)
                .json().get("password").asText();
        ConsolePasswordIT.Browser browser = new ConsolePasswordIT.Browser();
        HttpResponse<String> signedIn = browser.signIn(slug + "/" + userName, password);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as("not sent to the staff console")
                .endsWith("/index.xhtml").doesNotContain("/console/");
        HttpResponse<String> start = browser.get("/index.xhtml");
        assertThat(start.body()).as("the admin link for MANAGE_SCIM_TOKENS alone").contains("id=\"adminPanel\"");
        assertThat(browser.get("/admin/scim-tokens.xhtml").statusCode()).isEqualTo(200);
    }
}
