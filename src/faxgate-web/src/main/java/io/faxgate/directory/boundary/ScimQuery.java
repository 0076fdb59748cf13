package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimProblem;

import io.faxgate.directory.control.ScimFilter;

import io.faxgate.directory.control.ScimSort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * One list request (RFC 7644 3.4.2 query parameters, or the body of a POST {@code .search}, 3.4.3): filter, sort,
 * page, and which attributes to return. {@code attributes}/{@code excludedAttributes} are applied to each returned
 * resource ({@link #project}); {@code id} and {@code schemas} are always returned.
 */
record ScimQuery(ScimFilter filter, ScimSort sort, int startIndex, int count, List<String> attributes,
                 List<String> excludedAttributes) {

    static final String SEARCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    static ScimQuery of(String filter, String sortBy, String sortOrder, String startIndex, String count, String attributes,
                        String excluded, String coreSchema) {
        if (attributes != null && !attributes.isBlank() && excluded != null && !excluded.isBlank()) {
            throw ScimProblem.invalidValue("attributes and excludedAttributes cannot both be given");
        }
        return new ScimQuery(ScimFilters.parse(filter, coreSchema), ScimFilters.sort(sortBy, sortOrder, coreSchema),
                ScimResources.startIndex(startIndex), ScimResources.count(count), names(attributes, coreSchema),
                names(excluded, coreSchema));
    }

    /** A SearchRequest body; unknown members are refused rather than ignored. */
    static ScimQuery ofSearch(ObjectNode body, String coreSchema) {
        JsonNode schemas = body.get("schemas");
        boolean searchRequest = false;
        if (schemas != null && schemas.isArray()) {
            for (JsonNode s : schemas) {
                searchRequest |= SEARCH_SCHEMA.equalsIgnoreCase(s.asText());
            }
        }
        if (!searchRequest) {
            throw ScimProblem.invalidSyntax("a search body has schemas [\"" + SEARCH_SCHEMA + "\"]");
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!List.of("schemas", "filter", "sortby", "sortorder", "startindex", "count", "attributes",
                    "excludedattributes").contains(n.toLowerCase(Locale.ROOT))) {
                throw ScimProblem.invalidSyntax("unknown SearchRequest member '" + EntraPatchDialect.printable(n) + "'");
            }
        }
        return of(ScimJson.text(body.get("filter"), "filter"), ScimJson.text(body.get("sortBy"), "sortBy"),
                ScimJson.text(body.get("sortOrder"), "sortOrder"), ScimJson.text(body.get("startIndex"), "startIndex"),
                ScimJson.text(body.get("count"), "count"), list(body.get("attributes")), list(body.get("excludedAttributes")),
                coreSchema);
    }

    /** Whether the named top-level attribute is returned. */
    boolean returns(String attribute) {
        String a = attribute.toLowerCase(Locale.ROOT);
        if (!excludedAttributes.isEmpty()) {
            return !excludedAttributes.contains(a);
        }
        return attributes.isEmpty() || attributes.stream().anyMatch(n -> n.equals(a) || n.startsWith(a + "."));
    }

    /** The resource with only the attributes asked for (top-level and one sub-attribute level). */
    ObjectNode project(ObjectNode resource) {
        if (attributes.isEmpty() && excludedAttributes.isEmpty()) {
            return resource;
        }
        ObjectNode out = resource.deepCopy();
        Iterator<String> names = resource.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("id") || lower.equals("schemas")) {
                continue;
            }
            if (!excludedAttributes.isEmpty()) {
                if (excludedAttributes.contains(lower)) {
                    out.remove(name);
                } else {
                    removeSubAttributes(out.get(name), lower, excludedAttributes, true);
                }
                continue;
            }
            if (attributes.contains(lower)) {
                continue;
            }
            if (attributes.stream().anyMatch(n -> n.startsWith(lower + "."))) {
                removeSubAttributes(out.get(name), lower, attributes, false);
            } else {
                out.remove(name);
            }
        }
        return out;
    }

    private static void removeSubAttributes(JsonNode value, String parent, List<String> named, boolean removeNamed) {
        List<JsonNode> holders = new ArrayList<>();
        if (value instanceof ObjectNode o) {
            holders.add(o);
        } else if (value != null && value.isArray()) {
            value.forEach(holders::add);
        }
        for (JsonNode h : holders) {
            if (h instanceof ObjectNode o) {
                List<String> drop = new ArrayList<>();
                o.fieldNames().forEachRemaining(sub -> {
                    boolean isNamed = named.contains(parent + "." + sub.toLowerCase(Locale.ROOT));
                    if (isNamed == removeNamed) {
                        drop.add(sub);
                    }
                });
                o.remove(drop);
            }
        }
    }

    private static List<String> names(String commaSeparated, String coreSchema) {
        List<String> out = new ArrayList<>();
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return out;
        }
        String prefix = coreSchema.toLowerCase(Locale.ROOT) + ":";
        for (String raw : commaSeparated.split(",")) {
            String n = raw.strip().toLowerCase(Locale.ROOT);
            if (n.startsWith(prefix)) {
                n = n.substring(prefix.length());
            }
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }

    private static String list(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (!node.isArray()) {
            throw ScimProblem.invalidValue("attributes and excludedAttributes are arrays of attribute names");
        }
        List<String> parts = new ArrayList<>();
        node.forEach(n -> parts.add(n.asText()));
        return String.join(",", parts);
    }
}
