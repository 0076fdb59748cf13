package io.faxgate.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What one HTTP request costs before Faxgate does any work of its own: the same GET again and again against your own
 * server on loopback (e.g. a static file, which passes Payara's connector, every servlet filter and the authentication
 * mechanism, then the default servlet), with the server's and this driver's CPU time per request. A sign-in is two
 * posts to the ACS plus {@code GET /api/v1/me}; this is the floor under {@link SignInLoad}'s figures.
 *
 * <pre>java -Dfaxgate.server-pid=PID -cp faxgate-benchmarks.jar io.faxgate.benchmarks.RequestFloor http://localhost:8080/static/autosubmit.js 20000 1,8,32 3</pre>
 * arguments: URL (loopback only), requests per level, concurrency levels, runs (the median is printed last), and
 * optionally a file whose content is sent as an {@code application/x-www-form-urlencoded} POST instead of the GET
 * (e.g. a SAML response to the ACS, which the first time answers with the self-posting page).
 * {@code -Dfaxgate.request-header="Cookie: JSESSIONID=…"} adds one header, e.g. a signed-in browser's session.
 */
public final class RequestFloor {

    private static final int MAX_REQUESTS_PER_LEVEL = 200_000;
    private static final int MAX_CONCURRENCY = 64;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    record Result(int concurrency, int count, double perSecond, double p50, double p99, double serverCpuMs, double driverCpuMs,
                  Map<Integer, Integer> statuses) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: RequestFloor URL REQUESTS_PER_LEVEL LEVELS(1,8,32) RUNS [FORM_BODY_FILE]");
            System.exit(2);
        }
        SignInLoad.requireLoopback(args[0]);
        int count = Integer.parseInt(args[1]);
        int[] levels = java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        if (count < 1 || count > MAX_REQUESTS_PER_LEVEL || java.util.Arrays.stream(levels).anyMatch(c -> c < 1 || c > MAX_CONCURRENCY)) {
            throw new IllegalArgumentException("requests per level 1.." + MAX_REQUESTS_PER_LEVEL + ", concurrency 1.." + MAX_CONCURRENCY);
        }
        int runs = Integer.parseInt(args[3]);
        RequestFloor floor = new RequestFloor();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(args[0])).timeout(Duration.ofSeconds(60));
        String header = System.getProperty("faxgate.request-header"); // e.g. "Cookie: JSESSIONID=…" of a signed-in session
        if (header != null) {
            builder.header(header.substring(0, header.indexOf(':')).strip(), header.substring(header.indexOf(':') + 1).strip());
        }
        HttpRequest request = args.length > 4
                ? builder.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(java.nio.file.Files.readString(java.nio.file.Path.of(args[4])))).build()
                : builder.GET().build();
        floor.level(request, Math.min(count, 2_000), levels[levels.length - 1]); // warm-up, not counted
        Map<Integer, List<Result>> byLevel = new TreeMap<>();
        for (int run = 1; run <= runs; run++) {
            for (int concurrency : levels) {
                Result r = floor.level(request, count, concurrency);
                print("run " + run, r);
                byLevel.computeIfAbsent(concurrency, k -> new ArrayList<>()).add(r);
            }
        }
        System.out.println("median of " + runs + " run(s):");
        for (List<Result> results : byLevel.values()) {
            Result first = results.get(0);
            print("median", new Result(first.concurrency(), first.count(), LoadPhase.median(results, Result::perSecond),
                    LoadPhase.median(results, Result::p50), LoadPhase.median(results, Result::p99), LoadPhase.median(results, Result::serverCpuMs),
                    LoadPhase.median(results, Result::driverCpuMs), first.statuses()));
        }
    }

    private Result level(HttpRequest request, int count, int concurrency) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        LoadPhase.Spent spent = LoadPhase.concurrently(count, concurrency, i -> {
            long began = System.nanoTime();
            int status = send(request);
            latencies.add(System.nanoTime() - began);
            statuses.merge(status, 1, Integer::sum);
        });
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(concurrency, count, sorted.size() / (spent.nanos() / 1e9), LoadPhase.percentile(sorted, 0.50),
                LoadPhase.percentile(sorted, 0.99), spent.serverCpuMsPer(sorted.size()), spent.driverCpuMsPer(sorted.size()),
                new TreeMap<>(statuses));
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void print(String label, Result r) {
        System.out.printf("%-7s c=%-2d %7d requests %8.1f/s  p50 %6.2f ms  p99 %6.2f ms  server CPU %6.3f ms/request  driver CPU %6.3f ms  statuses %s%n",
                label, r.concurrency(), r.count(), r.perSecond(), r.p50(), r.p99(), r.serverCpuMs(), r.driverCpuMs(), r.statuses());
    }
}
