package io.faxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faxgate.formats.Pem;
import io.faxgate.sso.saml.fixture.EntraIdp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Faxgate nodes as one Payara deployment group on loopback, on the tests' PostgreSQL, started with the same
 * server-config/cluster.sh as `mvn -Pcluster package` (own domain, ports and data-grid name derived from
 * faxgate.it.cluster.portbase). The node ports are trusted proxies here (loopback), so tests can speak as many
 * client addresses through X-Forwarded-For; a request from the machine's non-loopback address is an untrusted peer.
 * Issue 12's "Done when": a SAML sign-in on A continues on B and its response is refused on B as a replay; an
 * admin-panel form opened on A is saved through B; a SCIM deactivation through A denies on B on the next request
 * (20 trials, latency printed); sign-in limits count across both nodes; node A stops, the session continues on B;
 * A starts again and serves it. Secure cookies and HSTS behind a TLS-terminating trusted proxy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Path REPO = Path.of(System.getProperty("faxgate.it.repo", "../.."));
    /** The test domain's port base + 300: DAS +348, node A +480 (ports from +400), node B +580 (from +500). */
    private static final int BASE = Integer.getInteger("faxgate.it.portbase", 28000) + 300;
    private static final String A = "http://localhost:" + (BASE + 180);
    private static final String B = "http://localhost:" + (BASE + 280);
    private static final int LIMIT = 12;
    private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString(
            ("operator:" + FaxgateApi.OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static final CookieManager COOKIES = new CookieManager();
    private static final HttpClient BROWSER = HttpClient.newBuilder().cookieHandler(COOKIES)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startCluster() {
        TestDatabase.start();
        cluster("stop");
        deleteTree(payaraHome().resolve("glassfish/domains/faxgate-it-cluster"));
        deleteTree(payaraHome().resolve("glassfish/nodes/localhost-faxgate-it-cluster"));
        cluster("up", REPO.resolve("ear/target/faxgate.ear").toAbsolutePath().toString());
    }

    @AfterAll
    static void stopCluster() {
        cluster("stop");
    }

    @Test
    @Order(1)
    void aSessionSignedInOnAIsSignedInOnB() {
        HttpResponse<String> form = send(BROWSER, get(A + "/login.xhtml"));
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = send(BROWSER, rebase(FacesForm.signIn(form.body(), "operator",
                FaxgateApi.OPERATOR_PASSWORD), A));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isIn(302, 303);
        assertThat(send(BROWSER, get(A + "/api/v1/me")).statusCode()).isEqualTo(200);
        HttpResponse<String> onB = send(BROWSER, get(B + "/api/v1/me"));
        assertThat(onB.statusCode()).as("the session replicated through the data grid").isEqualTo(200);
        assertThat(onB.body()).contains("operator");
    }

    @Test
    @Order(2)
    void signInLimitsCountAcrossBothNodes() {
        String attacker = "198.51.100." + (System.nanoTime() % 200 + 20);
        // An unknown username: a real account would lock after 5 wrong passwords (its lockout lives in the database
        // and is cluster-wide too), which would end this test before the per-address limit and lock out the operator.
        String wrong = "Basic " + Base64.getEncoder().encodeToString(("nobody-" + System.nanoTime() + ":wrong")
                .getBytes(StandardCharsets.UTF_8));
        int refusedBeforeLimit = 0;
        for (int i = 0; i < LIMIT; i++) {
            HttpResponse<String> r = send(PLAIN, get((i % 2 == 0 ? A : B) + "/api/v1/me")
                    .header("Authorization", wrong).header("X-Forwarded-For", attacker));
            if (r.statusCode() == 429) {
                refusedBeforeLimit++;
            }
        }
        assertThat(refusedBeforeLimit).as("within the limit of %s, counted on both nodes together", LIMIT).isZero();
        assertThat(send(PLAIN, get(A + "/api/v1/me").header("Authorization", wrong).header("X-Forwarded-For", attacker))
                .statusCode()).as("one node alone has seen only half of the attempts, yet refuses").isEqualTo(429);
        assertThat(send(PLAIN, get(B + "/api/v1/me").header("Authorization", wrong).header("X-Forwarded-For", attacker))
                .statusCode()).isEqualTo(429);
        assertThat(send(PLAIN, get(B + "/api/v1/me").header("Authorization", wrong)
                .header("X-Forwarded-For", "198.51.100.250")).statusCode())
                .as("another client address behind the same proxy has its own budget").isEqualTo(401);
    }

    @Test
    @Order(3)
    void behindATrustedTlsProxyCookiesAreSecureAndHstsIsSent() throws IOException {
        // Cookies by hand: the JDK's cookie store rightly keeps Secure cookies from plain-HTTP requests, and these
        // go to the node over plain HTTP as a TLS-terminating proxy's would.
        Map<String, String> jar = new LinkedHashMap<>();
        List<String> setCookies = new ArrayList<>();
        HttpResponse<String> proxied = send(PLAIN, get(A + "/login.xhtml").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.77"));
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
        keep(proxied, jar, setCookies);
        HttpResponse<String> signedIn = send(PLAIN, rebase(FacesForm.signIn(proxied.body(), "operator",
                FaxgateApi.OPERATOR_PASSWORD), A).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.77").header("Cookie", cookieHeader(jar)));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isIn(302, 303);
        keep(signedIn, jar, setCookies);
        HttpResponse<String> next = send(PLAIN, get(B + "/api/v1/me").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.77").header("Cookie", cookieHeader(jar)));
        assertThat(next.statusCode()).as("the proxied session, on the other node").isEqualTo(200);
        keep(next, jar, setCookies);
        // The session id is the credential; Payara's session version (JSESSIONIDVERSION, written while the response
        // commits, after every filter) comes with replicated sessions. Both Secure, on a new session and on one
        // that arrived in a cookie.
        assertThat(setCookies).as("cookies set behind the proxy").anyMatch(c -> c.startsWith("JSESSIONID="))
                .anyMatch(c -> c.startsWith("JSESSIONIDVERSION="))
                .allSatisfy(cookie -> assertThat(cookie.toLowerCase()).contains("; secure"));

        HttpResponse<String> plain = send(PLAIN, get(A + "/login.xhtml"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).isNotEmpty()
                .noneSatisfy(c -> assertThat(c.toLowerCase()).contains("secure"));

        String own = ownNonLoopbackAddress();
        if (own == null) {
            System.out.println("ClusterIT: no non-loopback IPv4 address; the untrusted-peer checks are left out");
        } else { // this machine's own address is an untrusted peer: its forwarding headers are ignored
            HttpResponse<String> spoofed = send(PLAIN, get("http://" + own + ":" + (BASE + 180) + "/login.xhtml")
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.1"));
            assertThat(spoofed.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(spoofed.headers().allValues("Set-Cookie"))
                    .noneSatisfy(c -> assertThat(c.toLowerCase()).contains("secure"));
            // nor can it pick the address it is limited under: a new X-Forwarded-For per attempt, one budget
            String wrong = "Basic " + Base64.getEncoder().encodeToString(("nobody-" + System.nanoTime() + ":wrong")
                    .getBytes(StandardCharsets.UTF_8));
            int status = 0;
            for (int i = 0; i <= LIMIT; i++) {
                status = send(PLAIN, get("http://" + own + ":" + (BASE + 280) + "/api/v1/me")
                        .header("Authorization", wrong).header("X-Forwarded-For", "203.0.113." + (100 + i))).statusCode();
            }
            assertThat(status).as("attempt %s from one untrusted peer, whatever it forwards", LIMIT + 1).isEqualTo(429);
        }
    }

    @Test
    @Order(4)
    void aSamlSignInOnAIsSignedInOnBAndItsResponseIsRefusedOnBAsAReplay() {
        SsoTenant tenant = ssoTenant();
        // SP-initiated, as a person starts it: our login link on A, the IdP's answer posted to A
        Person alice = new Person("203.0.113.10");
        HttpResponse<String> toIdp = alice.get(A + "/sso/" + tenant.slug + "/login");
        assertThat(toIdp.statusCode()).isEqualTo(302);
        String requestId = SamlBrowser.authnRequestId(toIdp.headers().firstValue("Location").orElseThrow());
        String answer = tenant.response(requestId).encoded();
        assertThat(alice.postSamlResponse(A, tenant, answer).statusCode()).as("signed in on A").isIn(302, 303);
        HttpResponse<String> onB = alice.get(B + "/api/v1/me");
        assertThat(onB.statusCode()).as("the next request, on B, is signed in").isEqualTo(200);
        assertThat(json(onB.body()).get("userId").asText()).isEqualTo(tenant.userId);

        // the identical response posted to B — by the same browser, and by a thief in a session of its own
        assertThat(refusalReason(alice.postSamlResponse(B, tenant, answer))).isIn("REPLAYED", "IN_RESPONSE_TO_UNKNOWN");
        Person thief = new Person("203.0.113.11");
        assertThat(refusalReason(thief.postSamlResponse(B, tenant, answer))).isIn("REPLAYED", "IN_RESPONSE_TO_UNKNOWN");
        assertThat(thief.get(B + "/api/v1/me").statusCode()).isEqualTo(401);

        // IdP-initiated (no InResponseTo to tie it to a session): only the replay store can refuse the copy
        String unsolicited = tenant.response(null).encoded();
        Person bob = new Person("203.0.113.12");
        assertThat(bob.postSamlResponse(A, tenant, unsolicited).statusCode()).isIn(302, 303);
        assertThat(bob.get(A + "/api/v1/me").statusCode()).as("the first use, on A, signs in").isEqualTo(200);
        Person copier = new Person("203.0.113.13");
        assertThat(refusalReason(copier.postSamlResponse(B, tenant, unsolicited)))
                .as("A used the assertion; B knows it at once (the database replay store)").isEqualTo("REPLAYED");
        assertThat(copier.get(B + "/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void anAdminPanelFormOpenedOnAIsSavedThroughB() {
        String slug = "clf" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        assertThat(operator("POST", A + "/api/v1/tenants", "{\"slug\":\"" + slug + "\",\"name\":\"Form " + slug
                + "\",\"ssoAllowed\":false}").statusCode()).isEqualTo(201);
        String password = "cluster-form-password-0123";
        assertThat(operator("POST", A + "/api/v1/tenants/" + slug + "/admins", "{\"username\":\"" + slug
                + "-admin\",\"password\":\"" + password + "\",\"breakGlass\":false}").statusCode()).isIn(200, 201);
        HttpClient admin = signedInOnA(slug + "-admin", password, "203.0.113.20");

        HttpResponse<String> page = send(admin, get(A + "/admin/lines.xhtml"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String number = "+4930" + (1_000_000 + System.nanoTime() % 8_999_999);
        // The form's own post, as PrimeFaces' script sends it, with the view state (the form's CSRF token) and
        // script nonce that A rendered — to B
        Map<String, String> fields = FacesForm.fields(page.body());
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", "newLine:create");
        fields.put("jakarta.faces.partial.execute", "newLine");
        fields.put("jakarta.faces.partial.render", "newLine");
        fields.put("newLine:create", "newLine:create");
        fields.put("newLine", "newLine");
        fields.put("newLine:number", number);
        fields.put("newLine:label", "Saved through B");
        HttpResponse<String> saved = send(admin, form(B + "/admin/lines.xhtml", fields)
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).as("no expired view: B restored A's view from the replicated session")
                .doesNotContain("ViewExpired").contains("<partial-response");
        HttpResponse<String> lines = send(PLAIN, get(A + "/api/v1/tenants/" + slug + "/fax-lines")
                .header("Authorization", OPERATOR));
        assertThat(lines.body()).as("the line B saved").contains(number).contains("Saved through B");

        // without A's view state the same post is refused (CSRF): the token, not the session alone, carries it
        fields.put("jakarta.faces.ViewState", "-1234567890123456789:987654321987654321");
        fields.put("newLine:number", number.replace("+4930", "+4940"));
        HttpResponse<String> forged = send(admin, form(B + "/admin/lines.xhtml", fields)
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest"));
        assertThat(send(PLAIN, get(A + "/api/v1/tenants/" + slug + "/fax-lines").header("Authorization", OPERATOR))
                .body()).as("forged view state (answered %s)", forged.statusCode())
                .doesNotContain(number.replace("+4930", "+4940"));
    }

    @Test
    @Order(6)
    void aScimDeactivationThroughADeniesOnBOnTheNextRequest() {
        SsoTenant tenant = ssoTenant();
        List<Long> millis = new ArrayList<>();
        for (int trial = 0; trial < 20; trial++) {
            // A deactivated person's session is ended for good, so each trial signs in afresh on A,
            // from an address of its own (the ACS counts sign-in attempts per address).
            Person person = new Person("192.0.2." + (10 + trial));
            assertThat(person.postSamlResponse(A, tenant, tenant.response(null).encoded()).statusCode())
                    .as("trial %s: SAML sign-in on A", trial).isIn(302, 303);
            assertThat(person.get(B + "/api/v1/me").statusCode()).as("trial %s: signed in on A, seen on B", trial)
                    .isEqualTo(200);
            HttpResponse<String> deactivated = tenant.scim("PATCH", A, "/Users/" + tenant.userId, ACTIVE.formatted("False"));
            assertThat(deactivated.statusCode()).as("trial %s: %s", trial, deactivated.body()).isEqualTo(200);
            long deactivatedAt = System.nanoTime();
            int status = person.get(B + "/api/v1/me").statusCode();
            long answeredAt = System.nanoTime();
            assertThat(status).as("trial %s: the very next request on B after the SCIM deactivation on A", trial)
                    .isEqualTo(401);
            millis.add(TimeUnit.NANOSECONDS.toMillis(answeredAt - deactivatedAt));
            assertThat(person.get(A + "/api/v1/me").statusCode()).as("trial %s: the session stays ended", trial)
                    .isEqualTo(401);
            assertThat(tenant.scim("PATCH", A, "/Users/" + tenant.userId, ACTIVE.formatted("True")).statusCode())
                    .isEqualTo(200);
        }
        millis.sort(null);
        System.out.printf("ClusterIT SCIM deactivation on A seen on B: the next request on B answered 401 after (ms),"
                + " 20 trials: min %d, median %d, p90 %d, max %d; all %s%n", millis.get(0), millis.get(10),
                millis.get(18), millis.get(19), millis);
    }

    @Test
    @Order(7)
    void stopASessionContinuesOnBStartAItRejoinsAndServes() {
        cluster("stop-node", "a");
        assertThat(send(BROWSER, get(B + "/api/v1/me")).statusCode()).as("node A is gone; its session is not")
                .isEqualTo(200);
        cluster("start-node", "a");
        assertThat(send(BROWSER, get(A + "/api/v1/me")).statusCode()).as("A rejoined the grid and serves the session")
                .isEqualTo(200);
    }

    private static final String ACTIVE = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"%s\"}]}";

    /** A tenant wired to the Entra-shaped test IdP (public base URL: node A), with a SCIM token and its user. */
    private static SsoTenant ssoTenant() {
        String slug = "cls" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String clientId = UUID.randomUUID().toString();
        assertThat(operator("POST", A + "/api/v1/tenants", "{\"slug\":\"" + slug + "\",\"name\":\"SSO " + slug
                + "\",\"ssoAllowed\":true}").statusCode()).isEqualTo(201);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("enabled", true);
        settings.put("mode", "AUTHENTICATION_AND_PERMISSIONS");
        settings.put("scope", "BOTH");
        settings.put("loginEndpoint", EntraIdp.LOGIN_URL);
        settings.put("clientId", clientId);
        settings.put("certificates", List.of(Pem.encodeCertificate(EntraIdp.IDP.certificate())));
        settings.put("allowIdpInitiated", true);
        settings.put("requireMfa", false);
        HttpResponse<String> saved = operator("PUT", A + "/api/v1/tenants/" + slug + "/sso", toJson(settings));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> token = operator("POST", A + "/api/v1/tenants/" + slug + "/scim-tokens",
                "{\"label\":\"cluster\"}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        SsoTenant tenant = new SsoTenant(slug, clientId, json(token.body()).get("token").asText());
        HttpResponse<String> user = tenant.scim("POST", A, "/Users",
                ScimEndpoint.user(EntraIdp.EMAIL, EntraIdp.OBJECT_ID, "Alice", "Contoso"));
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        tenant.userId = json(user.body()).get("id").asText();
        return tenant;
    }

    private static final class SsoTenant {
        final String slug;
        final String clientId;
        final String scimToken;
        String userId;

        SsoTenant(String slug, String clientId, String scimToken) {
            this.slug = slug;
            this.clientId = clientId;
            this.scimToken = scimToken;
        }

        /** The IdP's signed answer for this tenant; the ACS it names is the public one (node A's). */
        EntraIdp.ResponseBuilder response(String inResponseTo) {
            return SamlFlows.response("api://" + clientId, A + "/sso/" + slug + "/acs", inResponseTo);
        }

        HttpResponse<String> scim(String method, String node, String path, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + "/scim/v2/" + slug + path))
                    .header("Authorization", "Bearer " + scimToken).header("Accept", ScimEndpoint.SCIM_JSON)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", ScimEndpoint.SCIM_JSON);
            }
            return send(PLAIN, request);
        }
    }

    /** A browser behind the trusted proxy, from an address of its own; its cookies go to both nodes (same host). */
    private static final class Person {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        private final String address;

        Person(String address) {
            this.address = address;
        }

        HttpResponse<String> get(String url) {
            return send(http, ClusterIT.get(url).header("X-Forwarded-For", address));
        }

        /** The browser's part of the HTTP-POST binding: the IdP's form, then our bounce page's (SameSite) re-post. */
        HttpResponse<String> postSamlResponse(String node, SsoTenant tenant, String samlResponse) {
            String acs = node + "/sso/" + tenant.slug + "/acs";
            HttpResponse<String> bounce = send(http, form(acs, Map.of("SAMLResponse", samlResponse))
                    .header("X-Forwarded-For", address));
            assertThat(bounce.statusCode()).as(bounce.body()).isEqualTo(200);
            assertThat(bounce.body()).contains("name=\"faxgate_bounced\"");
            return send(http, form(acs, Map.of("SAMLResponse", samlResponse, "faxgate_bounced", "1"))
                    .header("X-Forwarded-For", address));
        }
    }

    private static String refusalReason(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isIn(302, 303);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/error?reason=");
        return location.substring(location.indexOf("reason=") + 7);
    }

    /** An address of this machine other than loopback (the nodes listen on all addresses); null if none. */
    private static String ownNonLoopbackAddress() throws IOException {
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address instanceof java.net.Inet4Address && !address.isLoopbackAddress()) {
                    return address.getHostAddress();
                }
            }
        }
        return null;
    }

    private static HttpRequest.Builder form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static void keep(HttpResponse<String> response, Map<String, String> jar, List<String> setCookies) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            setCookies.add(cookie);
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            jar.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
    }

    private static String cookieHeader(Map<String, String> jar) {
        return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static JsonNode json(String body) {
        try {
            return FaxgateApi.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String toJson(Object value) {
        try {
            return FaxgateApi.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpClient signedInOnA(String username, String password, String clientAddress) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = send(client, get(A + "/login.xhtml"));
        HttpResponse<String> signedIn = send(client, rebase(FacesForm.signIn(form.body(), username, password), A)
                .header("X-Forwarded-For", clientAddress));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isIn(302, 303);
        return client;
    }

    private static HttpResponse<String> operator(String method, String url, String json) {
        return send(PLAIN, HttpRequest.newBuilder(URI.create(url)).header("Authorization", OPERATOR)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    /** FacesForm builds posts against the single test server: send the same post to a node instead. */
    private static HttpRequest.Builder rebase(HttpRequest post, String node) {
        URI uri = URI.create(node + post.uri().getRawPath());
        HttpRequest.Builder copy = HttpRequest.newBuilder(uri).POST(post.bodyPublisher().orElseThrow());
        post.headers().map().forEach((name, values) -> values.forEach(v -> copy.header(name, v)));
        return copy;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        return FaxgateApi.exchange(client, request.timeout(Duration.ofSeconds(60)).build());
    }

    private static Path payaraHome() {
        return Path.of(System.getProperty("arquillian.payara.home", "target/payara6"));
    }

    /** server-config/cluster.sh with this test's ports, Payara and database. */
    private static void cluster(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", REPO.resolve("server-config/cluster.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/cluster-it.log").toFile()));
        Map<String, String> env = process.environment();
        env.put("PAYARA_HOME", payaraHome().toString());
        env.put("FAXGATE_RUN_DIR", Path.of("target/cluster-run").toAbsolutePath().toString());
        env.put("FAXGATE_CLUSTER_DOMAIN", "faxgate-it-cluster");
        env.put("FAXGATE_CLUSTER_PORTBASE", Integer.toString(BASE));
        env.put("FAXGATE_NODE_A_PORT", Integer.toString(BASE + 180));
        env.put("FAXGATE_NODE_B_PORT", Integer.toString(BASE + 280));
        env.put("FAXGATE_CLUSTER_DB", "external");
        env.put("FAXGATE_DB_HOST", "localhost");
        env.put("FAXGATE_DB_PORT", System.getProperty("faxgate.it.db-port"));
        env.put("FAXGATE_DB_NAME", "postgres");
        env.put("FAXGATE_DB_USER", "postgres");
        env.put("FAXGATE_DB_PASSWORD", "postgres");
        env.put("FAXGATE_JDBC_DRIVER", Path.of("target/drivers/postgresql.jar").toAbsolutePath().toString());
        env.put("FAXGATE_PUBLIC_BASE_URL", A);
        env.put("FAXGATE_SIGN_IN_ATTEMPTS_PER_MINUTE", Integer.toString(LIMIT));
        env.put("FAXGATE_TRUSTED_PROXIES", "127.0.0.1/32,::1/128");
        env.put("FAXGATE_GRID_JOIN_WAIT_SECONDS", "1"); // a node joins (and rejoins) the grid in ~1 s instead of ~5
        try {
            long started = System.nanoTime();
            Process running = process.start();
            // generous: on a shared 2-core machine at load ≈ 25 a first `up` was seen to take 12–16 minutes
            if (!running.waitFor(30, TimeUnit.MINUTES) || running.exitValue() != 0) {
                throw new AssertionError("cluster.sh " + String.join(" ", args) + " failed; see target/cluster-it.log");
            }
            System.out.printf("ClusterIT: cluster.sh %s took %d s%n", String.join(" ", args),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
