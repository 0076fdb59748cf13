package io.faxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>Not covered here (see the final report of issue 12): a SAML sign-in on A continued on B, an admin-panel form
 * opened on A and saved through B, the SAML replay through B (needs the database replay store), the SCIM
 * deactivation (here: disabling a tenant admin, which takes the same cluster-wide path).
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
        HttpResponse<String> proxied = send(PLAIN, get(A + "/login.xhtml").header("X-Forwarded-Proto", "https"));
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
        // The session id is the credential: it must be Secure. Payara's replication adds JSESSIONIDVERSION (a version
        // number, no credential) after every filter has run, so Faxgate cannot mark it yet (open in issue 12).
        assertThat(proxied.headers().allValues("Set-Cookie")).isNotEmpty()
                .filteredOn(cookie -> !cookie.startsWith("JSESSIONIDVERSION="))
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie.toLowerCase()).contains("; secure"));
        HttpResponse<String> plain = send(PLAIN, get(A + "/login.xhtml"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c.toLowerCase()).contains("secure"));

        String own = InetAddress.getLocalHost().getHostAddress();
        if (!InetAddress.getByName(own).isLoopbackAddress()) { // an untrusted peer: its forwarding headers are ignored
            HttpResponse<String> spoofed = send(PLAIN, get("http://" + own + ":" + (BASE + 180) + "/login.xhtml")
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.1"));
            assertThat(spoofed.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    @Order(4)
    void anAccessChangeThroughAIsSeenOnBOnTheNextRequest() {
        String slug = "cl" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        assertThat(operator("POST", A + "/api/v1/tenants",
                "{\"slug\":\"" + slug + "\",\"name\":\"Cluster " + slug + "\",\"ssoAllowed\":false}").statusCode())
                .isEqualTo(201);
        String password = "cluster-admin-password-0123";
        assertThat(operator("POST", A + "/api/v1/tenants/" + slug + "/admins",
                "{\"username\":\"" + slug + "-admin\",\"password\":\"" + password + "\",\"breakGlass\":false}")
                .statusCode()).isIn(200, 201);
        List<Long> millis = new ArrayList<>();
        for (int trial = 0; trial < 20; trial++) {
            // A revoked session is ended for good (not merely refused), so each trial signs in afresh on A.
            // from an address of its own: 20 sign-ins from one address would exceed the per-address sign-in limit
            HttpClient admin = signedInOnA(slug + "-admin", password, "192.0.2." + (10 + trial));
            assertThat(send(admin, get(B + "/api/v1/me")).statusCode()).as("trial %s: signed in on A, seen on B", trial)
                    .isEqualTo(200);
            assertThat(operator("PUT", A + "/api/v1/tenants/" + slug + "/admins/" + slug + "-admin/enabled",
                    "{\"enabled\":false}").statusCode()).isBetween(200, 299);
            long disabledAt = System.nanoTime();
            int status = send(admin, get(B + "/api/v1/me")).statusCode();
            long firstLook = System.nanoTime();
            assertThat(status).as("trial %s: the very next request on B after the change committed on A", trial)
                    .isIn(401, 403);
            millis.add(TimeUnit.NANOSECONDS.toMillis(firstLook - disabledAt));
            assertThat(send(admin, get(A + "/api/v1/me")).statusCode()).as("trial %s: the session stays ended", trial)
                    .isIn(401, 403);
            assertThat(operator("PUT", A + "/api/v1/tenants/" + slug + "/admins/" + slug + "-admin/enabled",
                    "{\"enabled\":true}").statusCode()).isBetween(200, 299);
        }
        millis.sort(null);
        System.out.printf("ClusterIT revocation seen on B, request round trip after the change on A (ms), 20 trials:"
                + " min %d, median %d, p90 %d, max %d%n", millis.get(0), millis.get(10), millis.get(18), millis.get(19));
    }

    @Test
    @Order(5)
    void stopASessionContinuesOnBStartAItRejoinsAndServes() {
        cluster("stop-node", "a");
        assertThat(send(BROWSER, get(B + "/api/v1/me")).statusCode()).as("node A is gone; its session is not")
                .isEqualTo(200);
        cluster("start-node", "a");
        assertThat(send(BROWSER, get(A + "/api/v1/me")).statusCode()).as("A rejoined the grid and serves the session")
                .isEqualTo(200);
    }

    private static HttpClient signedInOnA(String username, String password, String clientAddress) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = send(client, get(A + "/login.xhtml"));
        send(client, rebase(FacesForm.signIn(form.body(), username, password), A)
                .header("X-Forwarded-For", clientAddress));
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
        try {
            Process running = process.start();
            if (!running.waitFor(15, TimeUnit.MINUTES) || running.exitValue() != 0) {
                throw new AssertionError("cluster.sh " + String.join(" ", args) + " failed; see target/cluster-it.log");
            }
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
