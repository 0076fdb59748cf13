package io.faxgate.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load driver for the SCIM server, as Entra's initial cycle would use it: creates users, then groups, then adds
 * members in batches; afterwards a sustained phase of the lookups Entra makes ({@code userName eq "…"}).
 * Bounded in count and time; talks only to the base URL given (run it against your own loopback server).
 *
 * <pre>java -cp faxgate-benchmarks.jar io.faxgate.benchmarks.ScimProvisioningLoad http://localhost:8080/scim/v2/acme TOKEN 10000 1000 50 8 60 20</pre>
 * arguments: SCIM base, bearer token, users, groups, members per group, threads, seconds of sustained lookups, and
 * (optional) seconds of each richer filter (RFC 7644 operators other clients send; 0 or absent: skipped).
 */
public final class ScimProvisioningLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    private ScimProvisioningLoad(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        ScimProvisioningLoad load = new ScimProvisioningLoad(args[0], args[1]);
        int users = Integer.parseInt(args[2]);
        int groups = Integer.parseInt(args[3]);
        int membersPerGroup = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<String> userIds = load.phase("create users", users, pool, i -> load.post("/Users",
                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"u" + i + "-" + run
                            + "@load.test\",\"externalId\":\"" + run + "-u" + i + "\",\"active\":true,\"displayName\":\"User "
                            + i + "\",\"emails\":[{\"value\":\"u" + i + "-" + run + "@load.test\",\"type\":\"work\",\"primary\":true}]}"));
            List<String> groupIds = load.phase("create groups", groups, pool, i -> load.post("/Groups",
                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Group " + i + "-" + run
                            + "\",\"externalId\":\"" + run + "-g" + i + "\"}"));
            load.phase("add " + membersPerGroup + " members per group", groups, pool, g -> {
                StringBuilder members = new StringBuilder();
                for (int m = 0; m < membersPerGroup; m++) {
                    if (m > 0) {
                        members.append(',');
                    }
                    members.append("{\"value\":\"").append(userIds.get((g * membersPerGroup + m) % userIds.size())).append("\"}");
                }
                return load.patch("/Groups/" + groupIds.get(g), "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[" + members + "]}]}");
            });
            load.sustained("sustained userName lookups", seconds, threads, pool, i -> load.get("/Users?" + filter(
                    "userName eq \"u" + (i % users) + "-" + run + "@load.test\"")));
            int richSeconds = args.length > 7 ? Integer.parseInt(args[7]) : 0;
            if (richSeconds > 0) {
                load.sustained("externalId eq and active eq", richSeconds, threads, pool, i -> load.get("/Users?" + filter(
                        "externalId eq \"" + run + "-u" + (i % users) + "\" and active eq true")));
                load.sustained("emails[type eq and value eq]", richSeconds, threads, pool, i -> load.get("/Users?" + filter(
                        "emails[type eq \"work\" and value eq \"u" + (i % users) + "-" + run + "@load.test\"]")));
                load.sustained("userName sw (prefix)", richSeconds, threads, pool, i -> load.get("/Users?count=10&" + filter(
                        "userName sw \"u" + (i % users) + "-" + run + "\"")));
                load.sustained("displayName co, sorted", richSeconds, threads, pool, i -> load.get("/Users?count=10&sortBy=userName&"
                        + filter("displayName co \"ser " + (i % users) + "\" or userName eq \"nobody\"")));
                load.sustained("Groups members[value eq]", richSeconds, threads, pool, i -> load.get("/Groups?excludedAttributes=members&"
                        + filter("members[value eq \"" + userIds.get(i % userIds.size()) + "\"]")));
                load.sustained("POST /Users/.search not(...)", richSeconds, threads, pool, i -> load.post200("/Users/.search",
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"count\":5,\"filter\":\"userName eq \\\"u"
                                + (i % users) + "-" + run + "@load.test\\\" and not (active eq false)\"}"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private record Outcome(String id, long nanos) {
    }

    private List<String> phase(String name, int count, ExecutorService pool, IntFunction<Outcome> call) throws Exception {
        return LoadPhase.counted(name, count, pool, i -> {
            Outcome o = call.apply(i);
            return new LoadPhase.Timed<>(o.id(), o.nanos());
        });
    }

    private static String filter(String filter) {
        return "filter=" + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void sustained(String name, int seconds, int threads, ExecutorService pool, IntFunction<Outcome> call)
            throws Exception {
        LoadPhase.sustained(name, seconds, threads, pool, i -> {
            Outcome o = call.apply(i);
            return new LoadPhase.Timed<>(o.id(), o.nanos());
        });
    }

    private Outcome post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json)), 201);
    }

    private Outcome post200(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json)), 200);
    }

    private Outcome patch(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method("PATCH", HttpRequest.BodyPublishers.ofString(json)), 204);
    }

    private Outcome get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), 200);
    }

    private Outcome send(HttpRequest.Builder request, int expected) {
        HttpRequest built = request.header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json").timeout(Duration.ofSeconds(60)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            if (response.statusCode() != expected && !(expected == 204 && response.statusCode() == 200)) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " -> " + response.statusCode() + " " + response.body());
            }
            Matcher id = ID.matcher(response.body());
            return new Outcome(id.find() ? id.group(1) : null, nanos);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
