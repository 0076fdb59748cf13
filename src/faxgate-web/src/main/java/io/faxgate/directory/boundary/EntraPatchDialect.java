package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Both PATCH dialects Entra speaks, brought to RFC 7644 before the UnboundID SDK parses them:
 * <ul>
 * <li>default (no flag): capitalised ops ({@code "Replace"}), {@code "value":"False"} strings, member removal as
 *     {@code {"op":"Remove","path":"members","value":[{"value":"id"}]}};</li>
 * <li>{@code aadOptscim062020}: lower-case ops, booleans, {@code members[value eq "id"]} paths, and a path-less
 *     replace whose value object names several attributes, some of them as paths ({@code "name.givenName"},
 *     {@code "emails[type eq \"work\"].value"}, extension URNs) — split here into one operation per path.</li>
 * </ul>
 * String booleans are accepted where the value is read ({@link ScimJson#bool}). Parsing itself is the SDK's.
 */
final class EntraPatchDialect {

    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final int MAX_OPERATIONS = 1000;

    private EntraPatchDialect() {
    }

    static List<PatchOperation> operations(ObjectNode body) {
        JsonNode ops = body.get("Operations");
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw ScimProblem.invalidSyntax("a PatchOp request needs a non-empty \"Operations\" array");
        }
        if (ops.size() > MAX_OPERATIONS) {
            throw ScimProblem.tooMany("at most " + MAX_OPERATIONS + " operations per PATCH");
        }
        ArrayNode normalised = JsonUtils.getJsonNodeFactory().arrayNode();
        for (JsonNode op : ops) {
            if (!(op instanceof ObjectNode o) || !o.path("op").isTextual()) {
                throw ScimProblem.invalidSyntax("every operation needs an \"op\" (add, replace or remove)");
            }
            ObjectNode copy = o.deepCopy();
            String name = o.get("op").textValue().strip().toLowerCase(Locale.ROOT);
            if (!name.equals("add") && !name.equals("replace") && !name.equals("remove")) {
                throw ScimProblem.invalidSyntax("unknown op '" + printable(o.get("op").textValue()) + "' (add, replace or remove)");
            }
            copy.put("op", name);
            splitPathlessValue(copy, normalised);
        }
        ObjectNode request = JsonUtils.getJsonNodeFactory().objectNode();
        request.putArray("schemas").add(PATCH_SCHEMA);
        request.set("Operations", normalised);
        try {
            return JsonUtils.getObjectReader().forType(PatchRequest.class).<PatchRequest>readValue(request).getOperations();
        } catch (java.io.IOException e) {
            Throwable cause = e.getCause();
            String detail = cause instanceof ScimException s ? s.getScimError().getDetail() : "an operation is malformed";
            throw ScimProblem.invalidSyntax(detail == null ? "an operation is malformed" : detail);
        }
    }

    /** {"op":"replace","value":{"displayName":"x","name.givenName":"y"}} → whole-object part + one op per path key. */
    private static void splitPathlessValue(ObjectNode op, ArrayNode out) {
        JsonNode value = op.get("value");
        if (op.hasNonNull("path") || !(value instanceof ObjectNode object)) {
            out.add(op);
            return;
        }
        ObjectNode plain = object.deepCopy();
        List<ObjectNode> pathOps = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            if (key.contains(".") || key.contains("[") || key.regionMatches(true, 0, "urn:", 0, 4)) {
                ObjectNode single = JsonUtils.getJsonNodeFactory().objectNode();
                single.put("op", op.get("op").textValue());
                single.put("path", key);
                single.set("value", f.getValue());
                pathOps.add(single);
                plain.remove(key);
            }
        }
        if (!plain.isEmpty()) {
            ObjectNode rest = op.deepCopy();
            rest.set("value", plain);
            out.add(rest);
        }
        pathOps.forEach(out::add);
    }

    /**
     * Applies one operation to a resource document. An add or replace whose path selects a sub-attribute of a
     * filtered multi-valued attribute ({@code emails[type eq "work"].value}) replaces it when such a value exists and
     * adds one otherwise — Entra uses both ops for both cases.
     */
    static void apply(PatchOperation op, ObjectNode document) {
        try {
            Path path = op.getPath();
            if (op.getOpType() != PatchOpType.REMOVE && path != null && path.size() == 2
                    && path.getElement(0).getValueFilter() != null) {
                Path element = Path.root(path.getSchemaUrn()).attribute(path.getElement(0).getAttribute(),
                        path.getElement(0).getValueFilter());
                boolean exists = JsonUtils.pathExists(element, document);
                PatchOperation effective = exists ? PatchOperation.replace(path, op.getJsonNode())
                        : PatchOperation.add(path, op.getJsonNode());
                effective.apply(document);
                return;
            }
            op.apply(document);
        } catch (ScimException e) {
            String type = e.getScimError().getScimType();
            throw new ScimProblem(400, type == null ? "invalidValue" : type, e.getScimError().getDetail());
        } catch (RuntimeException e) {
            throw ScimProblem.invalidValue("the operation " + op.getOpType() + " " + op.getPath() + " cannot be applied");
        }
    }

    static String printable(String s) {
        String clean = s.replaceAll("[^\\p{Print}]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
