package io.faxgate.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A load driver for faxes, against a running Faxgate (your own loopback server): sets up a tenant with two lines,
 * a staff member reaching both (SCIM user and group, console password), then measures
 * <ol>
 * <li>the carrier webhook receiving {@code inbound} signed faxes onto line B,</li>
 * <li>the staff console's newest-first page of line B, and a page deep in its history,</li>
 * <li>document downloads,</li>
 * <li>sending {@code sends} faxes from A to B through the loopback transport: the POST, and queued → SENT on the
 *     server's own clock (the fax's createdAt → updatedAt).</li>
 * </ol>
 *
 * <pre>java -cp faxgate-benchmarks.jar io.faxgate.benchmarks.FaxLoad http://localhost:8080 operator PASSWORD WEBHOOK_SECRET 10000 8 30 200</pre>
 * arguments: base URL, operator username and password, carrier webhook secret, inbound faxes, threads, seconds per
 * read phase, faxes to send (raise {@code faxgate.fax.sends-per-minute} above it for the run).
 */
public final class FaxLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([0-9A-Za-z-]+)\"?");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern USERNAME = Pattern.compile("\"username\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PASSWORD = Pattern.compile("\"password\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern CREATED = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UPDATED = Pattern.compile("\"updatedAt\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String operator;
    private final String webhookSecret;
    private String staff;

    private FaxLoad(String base, String operatorUser, String operatorPassword, String webhookSecret) {
        this.base = base;
        this.operator = basic(operatorUser, operatorPassword);
        this.webhookSecret = webhookSecret;
    }

    public static void main(String[] args) throws Exception {
        FaxLoad load = new FaxLoad(args[0], args[1], args[2], args[3]);
        int inbound = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        int sends = Integer.parseInt(args[7]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        String slug = "fax-load-" + run;
        String lineA = "+1999" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String lineB = "+1998" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        long[] lines = load.setUp(slug, run, lineA, lineB);
        byte[] pdf = onePagePdf();
        String document = Base64.getEncoder().encodeToString(pdf);
        System.out.printf("tenant %s, lines %s -> %s, document %d bytes%n", slug, lineA, lineB, pdf.length);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<String> received = LoadPhase.counted("carrier webhook: inbound faxes", inbound, pool,
                    i -> load.webhook("{\"deliveryId\":\"" + run + "-" + i + "\",\"to\":\"" + lineB + "\",\"from\":\"+4930"
                            + (1_000_000 + i) + "\",\"document\":\"" + document + "\"}"));
            System.out.printf("  %d faxes on line B%n", received.size());
            String faxes = "/api/v1/me/fax-lines/" + lines[1] + "/faxes";
            LoadPhase.sustained("console: newest 25 of line B", seconds, threads, pool,
                    i -> load.get(faxes + "?first=0&max=25", load.staff));
            LoadPhase.sustained("console: 25 at the end of line B", seconds, threads, pool,
                    i -> load.get(faxes + "?first=" + Math.max(0, inbound - 25) + "&max=25", load.staff));
            List<String> faxIds = load.faxIdsOnPage(faxes + "?first=0&max=100");
            LoadPhase.sustained("document download", seconds, threads, pool,
                    i -> load.get("/api/v1/me/faxes/" + faxIds.get(i % faxIds.size()) + "/document", load.staff));
            List<String> sent = LoadPhase.counted("send A -> B (POST, queued)", sends, pool,
                    i -> load.post("/api/v1/me/faxes", "{\"lineId\":" + lines[0] + ",\"to\":\"" + lineB
                            + "\",\"document\":\"" + document + "\"}", load.staff, 201));
            load.reportDelivery(sent);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Tenant, two lines, a SCIM user in a SCIM group bound to both, fax permissions, a console password. */
    private long[] setUp(String slug, String run, String lineA, String lineB) {
        post("/api/v1/tenants", "{\"slug\":\"" + slug + "\",\"name\":\"Fax load " + run + "\",\"ssoAllowed\":false}", operator, 201);
        long a = Long.parseLong(post("/api/v1/tenants/" + slug + "/fax-lines", "{\"number\":\"" + lineA + "\",\"label\":\"A\"}", operator, 201).value());
        long b = Long.parseLong(post("/api/v1/tenants/" + slug + "/fax-lines", "{\"number\":\"" + lineB + "\",\"label\":\"B\"}", operator, 201).value());
        String tokenBody = call(HttpRequest.newBuilder(uri("/api/v1/tenants/" + slug + "/scim-tokens"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"load\"}")), operator, 201).body();
        String scim = "Bearer " + find(TOKEN, tokenBody);
        String user = find(ID, call(HttpRequest.newBuilder(uri("/scim/v2/" + slug + "/Users")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"staff-" + run
                        + "@load.test\",\"externalId\":\"" + run + "-staff\",\"active\":true}")), scim, 201).body());
        String group = find(ID, call(HttpRequest.newBuilder(uri("/scim/v2/" + slug + "/Groups")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Fax staff\",\"externalId\":\""
                        + run + "-g\",\"members\":[{\"value\":\"" + user + "\"}]}")), scim, 201).body());
        for (long line : new long[] {a, b}) {
            call(HttpRequest.newBuilder(uri("/api/v1/tenants/" + slug + "/security-groups/" + group + "/fax-lines/" + line))
                    .PUT(HttpRequest.BodyPublishers.noBody()), operator, 200);
        }
        for (String permission : List.of("VIEW_FAXES", "SEND_FAXES")) {
            call(HttpRequest.newBuilder(uri("/api/v1/tenants/" + slug + "/users/" + user + "/permissions/" + permission))
                    .PUT(HttpRequest.BodyPublishers.noBody()), operator, 200);
        }
        String credentials = call(HttpRequest.newBuilder(uri("/api/v1/tenants/" + slug + "/users/" + user + "/console-password"))
                .POST(HttpRequest.BodyPublishers.noBody()), operator, 201).body();
        staff = basic(find(USERNAME, credentials), find(PASSWORD, credentials));
        return new long[] {a, b};
    }

    private LoadPhase.Timed<String> webhook(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/carrier/inbound-faxes"))
                .header("Faxgate-Timestamp", timestamp).header("Faxgate-Signature", "v1=" + hmac(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return timed(request, null, 201);
    }

    private String hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every sent fax is final, then reports queued → SENT from the server's timestamps. */
    private void reportDelivery(List<String> faxIds) throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        int failed = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        for (String id : faxIds) {
            while (true) {
                String body = call(HttpRequest.newBuilder(uri("/api/v1/me/faxes/" + id)).GET(), staff, 200).body();
                String status = find(STATUS, body);
                if (status.equals("SENT") || status.equals("FAILED")) {
                    failed += status.equals("FAILED") ? 1 : 0;
                    latencies.add(Duration.between(Instant.parse(find(CREATED, body)), Instant.parse(find(UPDATED, body))).toNanos());
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("fax " + id + " still " + status + " after 5 minutes");
                }
                Thread.sleep(50);
            }
        }
        java.util.Collections.sort(latencies);
        System.out.printf("%-36s %7d faxes, %d failed             p50 %6.1f ms   p99 %7.1f ms%n", "send A -> B: queued -> final",
                faxIds.size(), failed, LoadPhase.percentile(latencies, 0.5), LoadPhase.percentile(latencies, 0.99));
    }

    private List<String> faxIdsOnPage(String path) {
        String body = call(HttpRequest.newBuilder(uri(path)).GET(), staff, 200).body();
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*([0-9]+)\\s*,\\s*\"lineId\"").matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no faxes on " + path + ": " + body);
        }
        return ids;
    }

    private LoadPhase.Timed<String> get(String path, String authorization) {
        return timed(HttpRequest.newBuilder(uri(path)).GET(), authorization, 200);
    }

    private LoadPhase.Timed<String> post(String path, String json, String authorization, int expected) {
        return timed(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)), authorization, expected);
    }

    private LoadPhase.Timed<String> timed(HttpRequest.Builder request, String authorization, int expected) {
        long start = System.nanoTime();
        HttpResponse<String> response = call(request, authorization, expected);
        long nanos = System.nanoTime() - start;
        Matcher id = ID.matcher(response.body());
        return new LoadPhase.Timed<>(id.find() ? id.group(1) : null, nanos);
    }

    private HttpResponse<String> call(HttpRequest.Builder request, String authorization, int expected) {
        request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected && !(expected == 200 && response.statusCode() == 204)) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " -> " + response.statusCode() + " "
                        + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException(pattern + " not in " + body);
        }
        return m.group(1);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] onePagePdf() throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 720);
                text.showText("Faxgate load test page");
                text.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
