package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimProblem;

import io.faxgate.directory.control.ScimMember;

import io.faxgate.directory.control.ScimGroupData;

import io.faxgate.directory.control.GroupChange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SCIM Group resource ↔ Faxgate's security group: displayName, externalId (the directory's object id, optional:
 * without one the group is known by Faxgate's id),
 * members (value = a Faxgate user id as text; direct members only). A PATCH becomes a list of {@link GroupChange}s
 * so that member changes touch only the named membership rows.
 */
final class ScimGroupDocument {

    static final String CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final Set<String> ATTRIBUTES = Set.of("schemas", "id", "externalid", "meta", "displayname", "members");

    private ScimGroupDocument() {
    }

    static ObjectNode toJson(ScimGroupRecord g, String scimBase) {
        ObjectNode n = ScimJson.object();
        n.putArray("schemas").add(CORE_GROUP);
        n.put("id", Long.toString(g.id()));
        if (g.externalId() != null) {
            n.put("externalId", g.externalId());
        }
        n.put("displayName", g.displayName());
        if (g.members() != null) {
            ArrayNode members = n.putArray("members");
            for (ScimMember m : g.members()) {
                ObjectNode member = members.addObject();
                member.put("value", Long.toString(m.userId()));
                if (m.display() != null) {
                    member.put("display", m.display());
                }
                member.put("$ref", scimBase + "/Users/" + m.userId());
                member.put("type", "User");
            }
        }
        ScimJson.meta(n, "Group", scimBase + "/Groups/" + g.id(), g.created(), g.lastModified(), g.version());
        return n;
    }

    static ScimGroupData fromRequest(ObjectNode n) {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!ATTRIBUTES.contains(key.toLowerCase(Locale.ROOT))) {
                throw ScimProblem.invalidSyntax("unknown attribute '" + EntraPatchDialect.printable(key)
                        + "' (Groups support displayName, externalId, members)");
            }
        }
        JsonNode schemas = n.get("schemas");
        if (schemas != null && (!schemas.isArray() || !java.util.stream.StreamSupport.stream(schemas.spliterator(), false)
                .allMatch(sc -> CORE_GROUP.equalsIgnoreCase(sc.asText())))) {
            throw ScimProblem.invalidValue("schemas of a Group is [\"" + CORE_GROUP + "\"]");
        }
        return new ScimGroupData(ScimJson.text(n.get("displayName"), "displayName"),
                ScimJson.text(n.get("externalId"), "externalId"), memberIds(n.get("members")));
    }

    /** Both Entra dialects' group PATCH operations as changes, in order. */
    static List<GroupChange> changes(List<PatchOperation> ops) {
        List<GroupChange> changes = new ArrayList<>();
        for (PatchOperation op : ops) {
            Path path = op.getPath();
            JsonNode value = op.getJsonNode();
            if (path == null || path.size() == 0) {
                pathless(op.getOpType(), value, changes);
                continue;
            }
            String urn = path.getSchemaUrn();
            if (urn != null && !urn.equalsIgnoreCase(CORE_GROUP)) {
                throw ScimProblem.invalidPath("unknown schema " + urn);
            }
            if (path.size() > 1) {
                throw ScimProblem.invalidPath("sub-attribute paths are not supported on Groups: " + path);
            }
            Path.Element element = path.getElement(0);
            String attribute = element.getAttribute().toLowerCase(Locale.ROOT);
            switch (attribute) {
                case "displayname" -> {
                    if (op.getOpType() == PatchOpType.REMOVE) {
                        throw ScimProblem.mutability("displayName is required and cannot be removed");
                    }
                    changes.add(new GroupChange.Rename(ScimJson.text(value, "displayName")));
                }
                case "externalid" -> {
                    changes.add(new GroupChange.ChangeExternalId(op.getOpType() == PatchOpType.REMOVE ? null
                            : ScimJson.text(value, "externalId")));
                }
                case "members" -> members(op.getOpType(), element.getValueFilter(), value, changes);
                case "id", "meta", "schemas" -> throw ScimProblem.mutability(element.getAttribute() + " is read-only");
                default -> throw ScimProblem.invalidPath("unknown attribute '" + EntraPatchDialect.printable(element.getAttribute())
                        + "' (Groups support displayName, externalId, members)");
            }
        }
        return changes;
    }

    private static void pathless(PatchOpType type, JsonNode value, List<GroupChange> changes) {
        if (type == PatchOpType.REMOVE) {
            throw ScimProblem.noTarget("remove needs a path");
        }
        if (!(value instanceof ObjectNode object)) {
            throw ScimProblem.invalidSyntax("an operation without a path needs an object value");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            switch (f.getKey().toLowerCase(Locale.ROOT)) {
                case "displayname" -> changes.add(new GroupChange.Rename(ScimJson.text(f.getValue(), "displayName")));
                case "externalid" -> changes.add(new GroupChange.ChangeExternalId(ScimJson.text(f.getValue(), "externalId")));
                case "members" -> changes.add(type == PatchOpType.ADD ? new GroupChange.AddMembers(memberIds(f.getValue()))
                        : new GroupChange.ReplaceMembers(memberIds(f.getValue())));
                case "id", "schemas", "meta" -> {
                    // echoed back by some clients; not changeable, not an error when unchanged
                }
                default -> throw ScimProblem.invalidPath("unknown attribute '" + EntraPatchDialect.printable(f.getKey())
                        + "' (Groups support displayName, externalId, members)");
            }
        }
    }

    private static void members(PatchOpType type, Filter filter, JsonNode value, List<GroupChange> changes) {
        if (filter != null) {
            if (type != PatchOpType.REMOVE) {
                throw ScimProblem.invalidPath("a members[...] filter is supported with remove only");
            }
            changes.add(new GroupChange.RemoveMembers(valuesOf(filter)));
            return;
        }
        switch (type) {
            case ADD -> changes.add(new GroupChange.AddMembers(memberIds(value)));
            case REPLACE -> changes.add(new GroupChange.ReplaceMembers(memberIds(value)));
            case REMOVE -> changes.add(value == null || value.isNull() ? new GroupChange.RemoveAllMembers()
                    : new GroupChange.RemoveMembers(memberIds(value)));
            default -> throw ScimProblem.invalidSyntax("unknown op");
        }
    }

    /** {@code value eq "1"}, or several joined by {@code or}: the user ids to remove. */
    private static List<String> valuesOf(Filter filter) {
        List<String> ids = new ArrayList<>();
        if (filter.getFilterType() == FilterType.OR) {
            for (Filter f : filter.getCombinedFilters()) {
                ids.addAll(valuesOf(f));
            }
            return ids;
        }
        if (filter.getFilterType() == FilterType.EQUAL && filter.getAttributePath() != null
                && filter.getAttributePath().size() == 1
                && "value".equalsIgnoreCase(filter.getAttributePath().getElement(0).getAttribute())
                && filter.getComparisonValue() != null && filter.getComparisonValue().isValueNode()) {
            ids.add(filter.getComparisonValue().asText());
            return ids;
        }
        throw ScimProblem.invalidFilter("members[...] supports value eq \"id\" (optionally joined by or)");
    }

    static List<String> memberIds(JsonNode members) {
        List<String> ids = new ArrayList<>();
        if (members == null || members.isNull()) {
            return ids;
        }
        if (members.isObject()) {
            ids.add(memberValue(members));
            return ids;
        }
        if (!members.isArray()) {
            throw ScimProblem.invalidValue("members must be an array of {\"value\": \"<user id>\"}");
        }
        for (JsonNode m : members) {
            ids.add(memberValue(m));
        }
        return ids;
    }

    private static String memberValue(JsonNode member) {
        if (!member.isObject()) {
            throw ScimProblem.invalidValue("members must be an array of {\"value\": \"<user id>\"}");
        }
        String value = ScimJson.text(member.get("value"), "members.value");
        if (value == null || value.isBlank()) {
            throw ScimProblem.invalidValue("every member needs a value (a user id)");
        }
        return value;
    }
}
