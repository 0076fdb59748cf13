package io.faxgate.benchmarks;

import io.faxgate.formats.Pem;
import io.faxgate.sso.saml.fixture.EntraIdp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SAML sign-ins end to end against your own Faxgate on loopback, as a browser does them after a click on the My Apps
 * tile: a fresh browser session per sign-in posts a freshly signed, Entra-shaped IdP-initiated response (20 groups,
 * ≈ 6 kB, see {@link EntraShapedResponse}) to the ACS; the self-posting page posts it once more; the redirects of
 * the sign-in ({@code /start}) are followed; then {@code GET /api/v1/me} must answer 200 with the person.
 *
 * <p>Set-up through the operator API: a tenant with SSO on (mode "authentication and permissions", IdP-initiated
 * allowed) trusting the test IdP's certificate, and its 20 groups provisioned through SCIM, so every sign-in
 * reconciles 20 memberships. All responses are signed (and form-encoded) <em>before</em> the clock starts.
 *
 * <p>Modes: {@code one} — one person signs in again and again; {@code new} — every sign-in is a person Faxgate has
 * not seen (the first sign-in creates the user and their memberships); {@code returning} — every sign-in is a
 * different person who signed in before (an untimed first pass creates them), nothing about them changed.
 *
 * <pre>java -cp faxgate-benchmarks.jar io.faxgate.benchmarks.SignInLoad http://localhost:8080 operator PASSWORD 600 1,8,32 all 3</pre>
 * arguments: base URL(s) (comma-separated: each sign-in goes wholly to the next one, as a sticky load balancer
 * would; loopback only), operator user and password, sign-ins per level, concurrency levels, mode
 * ({@code one|new|returning|all}), runs (the median of the runs is printed last). Raise
 * {@code faxgate.sign-in.attempts-per-minute} for the run (every sign-in counts an attempt from 127.0.0.1) and
 * {@code faxgate.sso.replay.max-entries-per-tenant} above the number of sign-ins (each leaves a replay mark for two
 * hours). {@code -Dfaxgate.server-pid=PID} adds the server's CPU time per sign-in; the driver's own CPU time per sign-in is
 * always printed (it shares the machine's cores with the server).
 */
public final class SignInLoad {

    /** Bounds: a load driver, not a weapon. */
    private static final int MAX_SIGN_INS_PER_LEVEL = 20_000;
    private static final int MAX_CONCURRENCY = 64;
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CONSUME = Pattern.compile("\"consumeEndpoint\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[] STEPS = {"ACS post (self-posting page)", "ACS post (bounced)", "redirects", "GET /api/v1/me"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> bases;
    /** The cookies of the latest sign-in, printed with -Dfaxgate.print-session (to measure a signed-in request alone). */
    private volatile Map<String, String> lastSession;
    private final String operator;
    private String slug;
    private String audience;
    private String acs;

    private SignInLoad(List<String> bases, String operatorUser, String operatorPassword) {
        this.bases = bases;
        this.operator = "Basic " + Base64.getEncoder().encodeToString((operatorUser + ":" + operatorPassword)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** One level's outcome. */
    record Result(String mode, int concurrency, int count, int errors, double perSecond, double p50, double p90, double p99,
                  double[] stepMeansMs, double serverCpuMsPerSignIn, double driverCpuMsPerSignIn) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: SignInLoad BASE_URL[,BASE_URL] OPERATOR PASSWORD SIGN_INS_PER_LEVEL LEVELS(1,8,32) MODE(one|new|returning|all) RUNS");
            System.exit(2);
        }
        List<String> bases = Arrays.stream(args[0].split(",")).map(b -> b.replaceAll("/+$", "")).toList();
        for (String base : bases) {
            requireLoopback(base);
        }
        int perLevel = Integer.parseInt(args[3]);
        int[] levels = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        if (perLevel < 1 || perLevel > MAX_SIGN_INS_PER_LEVEL || Arrays.stream(levels).anyMatch(c -> c < 1 || c > MAX_CONCURRENCY)) {
            throw new IllegalArgumentException("sign-ins per level 1.." + MAX_SIGN_INS_PER_LEVEL + ", concurrency 1.." + MAX_CONCURRENCY);
        }
        List<String> modes = args[5].equals("all") ? List.of("one", "returning", "new") : List.of(args[5]);
        int runs = Integer.parseInt(args[6]);
        SignInLoad load = new SignInLoad(bases, args[1], args[2]);
        load.setUp();
        int xmlBytes = EntraIdp.toXml(EntraShapedResponse.of(1, load.audience, load.acs, Instant.now()).document())
                .getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("tenant %s, response %d bytes of XML, %d sign-ins per level, levels %s, modes %s, %d run(s), against %s%n",
                load.slug, xmlBytes, perLevel, args[4], modes, runs, bases);
        Map<String, List<Result>> byLevel = new LinkedHashMap<>();
        int nextPerson = 1_000;
        for (int run = 1; run <= runs; run++) {
            for (String mode : modes) {
                for (int concurrency : levels) {
                    int first = nextPerson;
                    nextPerson += perLevel;
                    if (mode.equals("returning")) {
                        load.untimedFirstSignIns(first, perLevel, concurrency);
                    }
                    Result r = load.level(mode, concurrency, perLevel, mode.equals("one") ? i -> 1 : i -> first + i);
                    print("run " + run, r);
                    byLevel.computeIfAbsent(mode + " @" + concurrency, k -> new ArrayList<>()).add(r);
                }
            }
        }
        if (Boolean.getBoolean("faxgate.print-session") && load.lastSession != null) {
            System.out.println("session of the latest sign-in: " + load.lastSession);
        }
        System.out.println();
        System.out.println("median of " + runs + " run(s):");
        byLevel.values().forEach(results -> print("median", median(results)));
    }

    /** Refuses to send load anywhere but this machine. */
    static void requireLoopback(String base) throws IOException {
        URI uri = URI.create(base);
        if (uri.getHost() == null || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing " + base + ": the sign-in load runs against a loopback address only");
        }
    }

    /** Tenant with SSO trusting the test IdP, IdP-initiated allowed, its 20 groups provisioned through SCIM. */
    private void setUp() {
        String run = Long.toString(System.currentTimeMillis(), 36);
        slug = "signin-load-" + run;
        String clientId = UUID.randomUUID().toString();
        audience = "api://" + clientId;
        send("POST", bases.get(0) + "/api/v1/tenants", "{\"slug\":\"" + slug + "\",\"name\":\"Sign-in load " + run
                + "\",\"ssoAllowed\":true}", operator, 201);
        String certificate = Pem.encodeCertificate(EntraIdp.IDP.certificate()).replace("\n", "\\n").replace("\r", "");
        String saved = send("PUT", bases.get(0) + "/api/v1/tenants/" + slug + "/sso", "{\"enabled\":true,"
                + "\"mode\":\"AUTHENTICATION_AND_PERMISSIONS\",\"scope\":\"BOTH\",\"loginEndpoint\":\"" + EntraIdp.LOGIN_URL
                + "\",\"clientId\":\"" + clientId + "\",\"certificates\":[\"" + certificate + "\"],"
                + "\"allowIdpInitiated\":true,\"requireMfa\":false}", operator, 200).body();
        acs = find(CONSUME, saved);
        String scim = "Bearer " + find(TOKEN, send("POST", bases.get(0) + "/api/v1/tenants/" + slug + "/scim-tokens",
                "{\"label\":\"sign-in load\"}", operator, 201).body());
        int g = 0;
        for (String objectId : EntraShapedResponse.groupObjectIds()) {
            send("POST", bases.get(0) + "/scim/v2/" + slug + "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\"Fax group " + ++g + "\",\"externalId\":\"" + objectId + "\"}", scim, 201);
        }
    }

    /** Signs every response first (untimed), then runs them {@code concurrency} at a time. */
    private Result level(String mode, int concurrency, int count, java.util.function.IntUnaryOperator person) throws Exception {
        Instant now = Instant.now();
        String[] encoded = new String[count];
        for (int i = 0; i < count; i++) {
            // form-encoded before the clock too: the browser's own work, not Faxgate's
            encoded[i] = "SAMLResponse=" + URLEncoder.encode(EntraShapedResponse.of(person.applyAsInt(i), audience, acs, now)
                    .encoded(), StandardCharsets.UTF_8);
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLongArray stepNanos = new AtomicLongArray(STEPS.length);
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        LoadPhase.Spent spent = LoadPhase.concurrently(count, concurrency, i -> {
            long began = System.nanoTime();
            try {
                signIn(bases.get(i % bases.size()), encoded[i], stepNanos);
                latencies.add(System.nanoTime() - began);
            } catch (RuntimeException e) {
                if (errors.incrementAndGet() <= 3) {
                    firstErrors.add(e.getMessage());
                }
            }
        });
        firstErrors.forEach(e -> System.out.println("  error: " + e));
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double[] means = new double[STEPS.length];
        for (int s = 0; s < STEPS.length; s++) {
            means[s] = sorted.isEmpty() ? 0 : stepNanos.get(s) / 1e6 / sorted.size();
        }
        return new Result(mode, concurrency, count, errors.get(), sorted.size() / (spent.nanos() / 1e9),
                LoadPhase.percentile(sorted, 0.50), LoadPhase.percentile(sorted, 0.90), LoadPhase.percentile(sorted, 0.99), means,
                spent.serverCpuMsPer(sorted.size()), spent.driverCpuMsPer(sorted.size()));
    }

    /** The "returning" people's first sign-in: creates them and their memberships, not measured. */
    private void untimedFirstSignIns(int first, int count, int concurrency) throws Exception {
        level("first", concurrency, count, i -> first + i);
    }

    /** One browser: its own cookies, the IdP's POST, the self-posting page's POST, our redirects, then /api/v1/me. */
    private void signIn(String base, String form, AtomicLongArray stepNanos) {
        Map<String, String> cookies = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        HttpResponse<String> bounce = browser("POST", base + "/sso/" + slug + "/acs", form, cookies);
        expect(bounce, 200, "name=\"faxgate_bounced\"");
        long t1 = System.nanoTime();
        HttpResponse<String> current = browser("POST", base + "/sso/" + slug + "/acs", form + "&faxgate_bounced=1", cookies);
        if (current.statusCode() >= 400) { // e.g. 429: the per-address sign-in limit was not raised for the run
            expect(current, 200, "");
        }
        long t2 = System.nanoTime();
        for (int hop = 0; hop < 5 && current.statusCode() / 100 == 3; hop++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            if (location.contains("/sso/") && location.contains("/error")) {
                throw new IllegalStateException("sign-in refused: " + location);
            }
            // Our own sign-in redirects only; the page the person lands on is not part of signing in.
            if (!location.contains("/start")) {
                break;
            }
            current = browser("GET", location.startsWith("http") ? location : base + location, null, cookies);
        }
        long t3 = System.nanoTime();
        expect(browser("GET", base + "/api/v1/me", null, cookies), 200, "\"");
        long t4 = System.nanoTime();
        lastSession = cookies;
        stepNanos.addAndGet(0, t1 - t0);
        stepNanos.addAndGet(1, t2 - t1);
        stepNanos.addAndGet(2, t3 - t2);
        stepNanos.addAndGet(3, t4 - t3);
    }

    private HttpResponse<String> browser(String method, String url, String form, Map<String, String> cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/json");
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            request.header("Cookie", header.toString());
        }
        HttpResponse<String> response = exchange(request.build());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return response;
    }

    private static void expect(HttpResponse<String> response, int status, String bodyContains) {
        if (response.statusCode() != status || !response.body().contains(bodyContains)) {
            String body = response.body();
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath() + " -> "
                    + response.statusCode() + " " + response.headers().firstValue("Location").orElse("")
                    + " " + body.substring(0, Math.min(200, body.length())));
        }
    }

    private HttpResponse<String> send(String method, String url, String json, String authorization, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", authorization).method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException(pattern + " not in " + body);
        }
        return m.group(1);
    }

    private static void print(String label, Result r) {
        StringBuilder steps = new StringBuilder();
        for (int s = 0; s < STEPS.length; s++) {
            steps.append(String.format("  %s %.1f", STEPS[s], r.stepMeansMs()[s]));
        }
        System.out.printf("%-7s %-9s c=%-2d %6d sign-ins %3d errors %7.1f/s  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  server CPU %5.1f ms/sign-in  driver CPU %4.1f ms | mean ms:%s%n",
                label, r.mode(), r.concurrency(), r.count(), r.errors(), r.perSecond(), r.p50(), r.p90(), r.p99(),
                r.serverCpuMsPerSignIn(), r.driverCpuMsPerSignIn(), steps);
    }

    /** Per figure, the median of the runs. */
    private static Result median(List<Result> runs) {
        double[] steps = new double[STEPS.length];
        for (int s = 0; s < STEPS.length; s++) {
            int step = s;
            steps[s] = LoadPhase.median(runs, r -> r.stepMeansMs()[step]);
        }
        Result first = runs.get(0);
        return new Result(first.mode(), first.concurrency(), first.count(), runs.stream().mapToInt(Result::errors).sum(),
                LoadPhase.median(runs, Result::perSecond), LoadPhase.median(runs, Result::p50),
                LoadPhase.median(runs, Result::p90), LoadPhase.median(runs, Result::p99), steps,
                LoadPhase.median(runs, Result::serverCpuMsPerSignIn), LoadPhase.median(runs, Result::driverCpuMsPerSignIn));
    }
}
