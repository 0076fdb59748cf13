package io.faxgate.syncagent.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.faxgate.syncagent.model.UserProfile;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The JSON the agent sends and reads. Users carry the core User schema plus Faxgate's AD extension
 * {@value #AD_EXTENSION} with {@code sAMAccountName} and {@code objectSid}.
 */
public final class ScimDocuments {

    public static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String AD_EXTENSION = "urn:faxgate:params:scim:schemas:extension:ad:2.0:User";

    private ScimDocuments() {
    }

    public static GenericScimResource user(String id, String externalId, UserProfile p) {
        ObjectNode n = JsonUtils.getJsonNodeFactory().objectNode();
        n.putArray("schemas").add(CORE_USER).add(AD_EXTENSION);
        if (id != null) {
            n.put("id", id);
        }
        n.put("externalId", externalId);
        n.put("userName", p.userName());
        n.put("displayName", p.displayName());
        ObjectNode name = n.putObject("name");
        putIfPresent(name, "givenName", p.givenName());
        putIfPresent(name, "familyName", p.familyName());
        if (p.email() != null && !p.email().isBlank()) {
            ObjectNode email = n.putArray("emails").addObject();
            email.put("value", p.email());
            email.put("type", "work");
            email.put("primary", true);
        }
        n.put("active", p.active());
        ObjectNode ad = n.putObject(AD_EXTENSION);
        putIfPresent(ad, "sAMAccountName", p.samAccountName());
        putIfPresent(ad, "objectSid", p.objectSid());
        return new GenericScimResource(n);
    }

    public static UserProfile profileOf(GenericScimResource r) {
        ObjectNode n = r.getObjectNode();
        JsonNode name = n.path("name");
        JsonNode ad = n.path(AD_EXTENSION);
        return new UserProfile(
                text(n, "userName"),
                text(n, "displayName"),
                text(name, "givenName"),
                text(name, "familyName"),
                primaryEmail(n.path("emails")),
                !n.has("active") || active(n.get("active")),
                text(ad, "sAMAccountName"),
                text(ad, "objectSid"));
    }

    public static GenericScimResource group(String externalId, String displayName) {
        ObjectNode n = JsonUtils.getJsonNodeFactory().objectNode();
        n.putArray("schemas").add(CORE_GROUP);
        n.put("externalId", externalId);
        n.put("displayName", displayName);
        return new GenericScimResource(n);
    }

    public static Set<String> memberIdsOf(GenericScimResource r) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode m : r.getObjectNode().path("members")) {
            String v = text(m, "value");
            if (v != null) {
                ids.add(v);
            }
        }
        return ids;
    }

    public static ArrayNode memberValues(Iterable<String> ids) {
        ArrayNode a = JsonUtils.getJsonNodeFactory().arrayNode();
        for (String id : ids) {
            a.addObject().put("value", id);
        }
        return a;
    }

    private static String primaryEmail(JsonNode emails) {
        String first = null;
        for (JsonNode e : emails) {
            String v = text(e, "value");
            if (v != null && e.path("primary").asBoolean(false)) {
                return v;
            }
            if (first == null) {
                first = v;
            }
        }
        return first;
    }

    /** Accepts true/false and the strings "True"/"False" some SCIM servers echo. */
    private static boolean active(JsonNode v) {
        return v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null && !value.isBlank()) {
            n.put(field, value);
        }
    }
}
