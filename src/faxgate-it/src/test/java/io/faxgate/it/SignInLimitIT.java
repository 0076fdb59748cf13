package io.faxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The per-address limit on sign-in attempts. The requests come from their own loopback address (127.x.y.z), so the
 * rest of the suite, signing in from 127.0.0.1, is not limited by this test — and this test by nothing else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInLimitIT {

    private static final int LIMIT = Integer.getInteger("faxgate.it.sign-in.attempts-per-minute", 600);

    @Deployment(testable = false)
    static EnterpriseArchive faxgate() {
        return Deployments.faxgateEar();
    }

    record Raw(int status, Map<String, String> headers, String body) {
    }

    /** One HTTP/1.1 request over a socket bound to {@code from}: the server sees that address as the client's. */
    static Raw request(String from, String method, String path, Map<String, String> headers, String body) {
        URI base = URI.create(FaxgateApi.BASE_URL);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                answerHeaders.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders, text.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String someLoopbackAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "127." + r.nextInt(1, 250) + "." + r.nextInt(1, 250) + "." + r.nextInt(2, 250);
    }

    private static int audited(String address) {
        return TestData.count("SELECT count(*) FROM audit_event WHERE type = 'SIGN_IN_RATE_LIMITED' AND source_ip = ?", address);
    }

    @Test
    void anAddressOverTheLimitIsRefusedEverySignInWith429AndAuditedOnce() {
        String address = someLoopbackAddress();
        for (int i = 0; i < LIMIT; i++) {
            Raw attempt = request(address, "GET", "/sso/no-such-tenant-" + i + "/login", Map.of(), null);
            assertThat(attempt.status()).as("attempt " + (i + 1) + " is within the limit").isNotEqualTo(429);
        }
        Raw refused = request(address, "GET", "/sso/no-such-tenant/login", Map.of("Accept", "text/html"), null);
        assertThat(refused.status()).isEqualTo(429);
        // limits count in slots of a tenth of the window (decision 0017): a refused client may wait one slot longer
        assertThat(Long.parseLong(refused.headers().get("retry-after"))).isBetween(1L, 66L);
        assertThat(refused.body()).contains("Too many sign-in attempts");

        Raw acs = request(address, "POST", "/sso/no-such-tenant/acs",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "SAMLResponse=x&faxgate_bounced=1");
        assertThat(acs.status()).as("the ACS post that validates a response").isEqualTo(429);
        Raw landing = request(address, "POST", "/sso/no-such-tenant/acs",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "SAMLResponse=x");
        assertThat(landing.status()).as("the IdP's post, answered by the self-posting page, is not an attempt of its own")
                .isNotEqualTo(429);
        Raw form = request(address, "POST", "/login.xhtml", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "signIn=signIn&signIn%3Ausername=operator&signIn%3Apassword=x");
        assertThat(form.status()).isEqualTo(429);
        assertThat(request(address, "POST", "/login.xhtml;x=y", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "signIn=signIn").status()).as("path parameters do not slip past").isEqualTo(429);
        assertThat(request(address, "GET", "/sso/no-such-tenant/login/", Map.of(), null).status()).isEqualTo(429);
        String operator = "Basic " + Base64.getEncoder().encodeToString(("operator:" + FaxgateApi.OPERATOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        Raw basic = request(address, "GET", "/api/v1/me", Map.of("Authorization", operator, "Accept", "application/json"), null);
        assertThat(basic.status()).as("not even right credentials are checked from there now").isEqualTo(429);
        assertThat(basic.body()).startsWith("{\"status\":429");
        assertThat(basic.headers()).containsKey("retry-after");
        Raw anonymous = request(address, "GET", "/api/v1/me", Map.of("Accept", "application/json"), null);
        assertThat(anonymous.status()).as("not a sign-in attempt").isEqualTo(401);

        assertThat(audited(address)).as("one audit event per address and window, not one per refusal").isEqualTo(1);
        assertThat(FaxgateApi.operator().get("/api/v1/me").status()).as("other addresses are not affected").isEqualTo(200);
    }

    /**
     * Right HTTP Basic credentials, once verified, cost nothing; a password check is counted BEFORE it is made, so
     * parallel wrong passwords cannot all pass a "not over the limit yet" check (issue 11 item 8): with three attempts
     * left, ten parallel guesses get exactly three password checks.
     */
    @Test
    void rememberedRightCredentialsDoNotCountAndParallelWrongOnesCannotAllPass() throws Exception {
        String address = someLoopbackAddress();
        String operator = "Basic " + Base64.getEncoder().encodeToString(("operator:" + FaxgateApi.OPERATOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        // Verified once from elsewhere, the right password is remembered for minutes, whatever the address.
        assertThat(FaxgateApi.operator().get("/api/v1/me").status()).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            Raw ok = request(address, "GET", "/api/v1/me", Map.of("Authorization", operator), null);
            assertThat(ok.status()).as("API clients send their password on every call").isEqualTo(200);
        }
        // Use up all but three attempts quickly (in parallel: under load a serial loop can outlast the minute).
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> fill = new ArrayList<>();
            for (int i = 0; i < LIMIT - 3; i++) {
                int n = i;
                fill.add(pool.submit(() -> request(address, "GET", "/sso/no-such-tenant-" + n + "/login", Map.of(), null).status()));
            }
            for (Future<Integer> f : fill) {
                assertThat(f.get()).isNotEqualTo(429);
            }
            String wrong = "Basic " + Base64.getEncoder().encodeToString(("nobody-" + address + ":wrong")
                    .getBytes(StandardCharsets.UTF_8));
            List<Future<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                guesses.add(pool.submit(() -> request(address, "GET", "/api/v1/me", Map.of("Authorization", wrong), null).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> g : guesses) {
                statuses.add(g.get());
            }
            assertThat(statuses).as("three checked and refused as wrong, the rest not even checked").containsOnly(401, 429);
            assertThat(statuses.stream().filter(s -> s == 401).count()).as(statuses.toString()).isEqualTo(3);
        } finally {
            pool.shutdown();
        }
    }
}
