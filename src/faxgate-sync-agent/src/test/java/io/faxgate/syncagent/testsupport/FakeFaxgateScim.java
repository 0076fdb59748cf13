package io.faxgate.syncagent.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.JsonUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Just enough of Faxgate's SCIM server ({@code /scim/v2/{tenant}/Users|Groups}) to watch what the agent sends:
 * bearer token check (401), filter {@code externalId eq "..."} (evaluated with the SCIM SDK), POST, PUT, PATCH
 * (applied with the SCIM SDK; group PATCH answers 204 like Entra-facing servers may), and an optional 429 with
 * Retry-After for the next N requests.
 */
public final class FakeFaxgateScim implements AutoCloseable {

    public static final String TENANT = "acme";
    public static final String TOKEN = "test-token-0123456789";

    /** One request as received. */
    public record Request(String method, String path, String query, String body) {
        public boolean isWrite() {
            return !method.equals("GET");
        }
    }

    private final HttpServer server;
    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, ObjectNode> groups = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private volatile String retryAfter = "1";
    private volatile String acceptedToken = TOKEN;

    public FakeFaxgateScim() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/scim/v2/" + TENANT + "/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} requests get 429 with this Retry-After value. */
    public void throttle(int count, String retryAfterValue) {
        retryAfter = retryAfterValue;
        throttleNext.set(count);
    }

    public void acceptOnlyToken(String token) {
        acceptedToken = token;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> writes() {
        return requests.stream().filter(Request::isWrite).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    public synchronized List<ObjectNode> users() {
        return List.copyOf(users.values());
    }

    public synchronized ObjectNode userByExternalId(String externalId) {
        return users.values().stream().filter(u -> externalId.equals(u.path("externalId").asText())).findFirst().orElse(null);
    }

    public synchronized ObjectNode groupByExternalId(String externalId) {
        return groups.values().stream().filter(g -> externalId.equals(g.path("externalId").asText())).findFirst().orElse(null);
    }

    public synchronized List<ObjectNode> groups() {
        return List.copyOf(groups.values());
    }

    /** userNames of the members of the group with this externalId. */
    public synchronized Set<String> memberNames(String groupExternalId) {
        ObjectNode g = groupByExternalId(groupExternalId);
        Set<String> names = new TreeSet<>();
        for (JsonNode m : g.path("members")) {
            ObjectNode u = users.get(m.path("value").asText());
            names.add(u == null ? "?" + m.path("value").asText() : u.path("userName").asText());
        }
        return names;
    }

    /** Puts a user into Faxgate directly, as if created earlier or by someone else. */
    public synchronized String seedUser(ObjectNode user) {
        String id = UUID.randomUUID().toString();
        user.put("id", id);
        users.put(id, user);
        return id;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String prefix = "/scim/v2/" + TENANT + "/";
            String path = ex.getRequestURI().getPath().substring(prefix.length());
            String query = ex.getRequestURI().getRawQuery();
            requests.add(new Request(ex.getRequestMethod(), path, query, body));
            if (!("Bearer " + acceptedToken).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                error(ex, 401, "Bearer token missing or invalid");
                return;
            }
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                ex.getResponseHeaders().add("Retry-After", retryAfter);
                error(ex, 429, "Too many requests");
                return;
            }
            String[] parts = path.split("/");
            Map<String, ObjectNode> store = switch (parts[0]) {
                case "Users" -> users;
                case "Groups" -> groups;
                default -> null;
            };
            if (store == null) {
                error(ex, 404, "No such endpoint");
                return;
            }
            synchronized (this) {
                route(ex, parts[0], store, parts.length > 1 ? parts[1] : null, query, body);
            }
        } catch (ScimException e) {
            error(ex, e.getScimError().getStatus(), e.getMessage());
        } catch (RuntimeException e) {
            error(ex, 500, e.toString());
        }
    }

    private void route(HttpExchange ex, String type, Map<String, ObjectNode> store, String id, String query, String body)
            throws IOException, ScimException {
        String method = ex.getRequestMethod();
        if (id == null && method.equals("GET")) {
            Filter filter = null;
            if (query != null) {
                for (String kv : query.split("&")) {
                    if (kv.startsWith("filter=")) {
                        filter = Filter.fromString(URLDecoder.decode(kv.substring(7), StandardCharsets.UTF_8));
                    }
                }
            }
            List<ObjectNode> hits = new ArrayList<>();
            for (ObjectNode n : store.values()) {
                if (filter == null || FilterEvaluator.evaluate(filter, n)) {
                    hits.add(n);
                }
            }
            ObjectNode list = JsonUtils.getJsonNodeFactory().objectNode();
            list.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
            list.put("totalResults", hits.size());
            list.put("itemsPerPage", hits.size());
            list.put("startIndex", 1);
            ArrayNode resources = list.putArray("Resources");
            hits.forEach(resources::add);
            respond(ex, 200, list);
            return;
        }
        if (id == null && method.equals("POST")) {
            ObjectNode n = (ObjectNode) JsonUtils.getObjectReader().readTree(body);
            if (type.equals("Users")) {
                String userName = n.path("userName").asText();
                if (store.values().stream().anyMatch(u -> u.path("userName").asText().equalsIgnoreCase(userName))) {
                    error(ex, 409, "userName " + userName + " already exists");
                    return;
                }
            }
            String newId = UUID.randomUUID().toString();
            n.put("id", newId);
            n.putObject("meta").put("resourceType", type.substring(0, type.length() - 1))
                    .put("location", baseUrl() + "/scim/v2/" + TENANT + "/" + type + "/" + newId);
            store.put(newId, n);
            respond(ex, 201, n);
            return;
        }
        ObjectNode existing = id == null ? null : store.get(id);
        if (existing == null) {
            error(ex, 404, type + " " + id + " not found");
            return;
        }
        switch (method) {
            case "GET" -> respond(ex, 200, existing);
            case "PUT" -> {
                ObjectNode n = (ObjectNode) JsonUtils.getObjectReader().readTree(body);
                n.put("id", id);
                if (existing.has("meta")) {
                    n.set("meta", existing.get("meta"));
                }
                if (type.equals("Groups") && !n.has("members") && existing.has("members")) {
                    n.set("members", existing.get("members"));
                }
                store.put(id, n);
                respond(ex, 200, n);
            }
            case "PATCH" -> {
                PatchRequest patch = JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(body);
                ObjectNode copy = existing.deepCopy();
                patch.apply(new com.unboundid.scim2.common.GenericScimResource(copy));
                store.put(id, copy);
                if (type.equals("Groups")) {
                    respond(ex, 204, null);
                } else {
                    respond(ex, 200, copy);
                }
            }
            default -> error(ex, 405, method + " not supported");
        }
    }

    private static void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JsonUtils.getObjectWriter().writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/scim+json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void error(HttpExchange ex, int status, String detail) throws IOException {
        ObjectNode e = JsonUtils.getJsonNodeFactory().objectNode();
        e.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
        e.put("status", Integer.toString(status));
        e.put("detail", detail);
        respond(ex, status, e);
    }

    /** Member userNames per group displayName, for readable assertions. */
    public synchronized Map<String, Set<String>> membershipByGroupName() {
        return groups.values().stream().collect(Collectors.toMap(g -> g.path("displayName").asText(),
                g -> memberNames(g.path("externalId").asText())));
    }
}
