package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * Reading and writing SCIM JSON with the UnboundID SDK's Jackson setup (attribute names compare case-insensitively,
 * as SCIM requires). Bodies come in as text so that a malformed one is our 400 invalidSyntax, not a provider's error.
 */
final class ScimJson {

    static final String SCIM_JSON = "application/scim+json";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final int MAX_BODY = 2 * 1024 * 1024;

    private ScimJson() {
    }

    static ObjectNode read(String body) {
        if (body == null || body.isBlank()) {
            throw ScimProblem.invalidSyntax("a JSON body is required");
        }
        if (body.length() > MAX_BODY) {
            throw new ScimProblem(413, null, "the body is larger than " + MAX_BODY + " characters");
        }
        JsonNode node;
        try {
            node = JsonUtils.getObjectReader().readTree(body);
        } catch (JsonProcessingException e) {
            throw ScimProblem.invalidSyntax("the body is not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ScimProblem.invalidSyntax("the body must be a JSON object");
        }
        return object;
    }

    static String write(JsonNode node) {
        try {
            return JsonUtils.getObjectWriter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    static Response ok(int status, JsonNode node) {
        return Response.status(status).type(SCIM_JSON).entity(write(node)).build();
    }

    /** 201 with the new resource and its {@code meta.location} as Location header. */
    static Response created(ObjectNode resource) {
        return Response.fromResponse(ok(201, resource))
                .location(java.net.URI.create(resource.path("meta").path("location").asText())).build();
    }

    static ObjectNode object() {
        return JsonUtils.getJsonNodeFactory().objectNode();
    }

    static ObjectNode listResponse(List<? extends JsonNode> resources, long totalResults, int startIndex) {
        ObjectNode list = object();
        list.putArray("schemas").add(LIST_SCHEMA);
        list.put("totalResults", totalResults);
        list.put("startIndex", startIndex);
        list.put("itemsPerPage", resources.size());
        ArrayNode items = list.putArray("Resources");
        resources.forEach(items::add);
        return list;
    }

    static void meta(ObjectNode resource, String type, String location, Instant created, Instant lastModified, long version) {
        ObjectNode meta = resource.putObject("meta");
        meta.put("resourceType", type);
        if (created != null) {
            meta.put("created", created.toString());
        }
        if (lastModified != null) {
            meta.put("lastModified", lastModified.toString());
        }
        meta.put("location", location);
        meta.put("version", "W/\"" + version + "\"");
    }

    /** A text value; numbers and booleans as their text (clients differ), objects and arrays refused. */
    static String text(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        throw ScimProblem.invalidValue(field + " must be a single value");
    }

    /** SCIM booleans; Entra's default dialect sends the strings "True" / "False". */
    static boolean bool(JsonNode node, String field, boolean absent) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return absent;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && ("true".equalsIgnoreCase(node.textValue().strip()) || "false".equalsIgnoreCase(node.textValue().strip()))) {
            return Boolean.parseBoolean(node.textValue().strip().toLowerCase(java.util.Locale.ROOT));
        }
        throw ScimProblem.invalidValue(field + " must be true or false");
    }
}
