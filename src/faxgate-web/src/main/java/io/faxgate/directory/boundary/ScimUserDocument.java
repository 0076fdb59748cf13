package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimProblem;

import io.faxgate.directory.control.ScimUserData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.faxgate.directory.entity.DirectorySource;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SCIM User resource ↔ Faxgate's user. Stored: userName, externalId, displayName (else "given family", else
 * userName), name.givenName / familyName, one email (the primary, else the work one, else the first), active, and
 * {@code roles} (the values are the user's app roles, as Entra's AppRoleAssignmentsComplex mapping sends them; role
 * mappings turn them into permissions like app roles asserted at SAML sign-in).
 * Other attributes of the core User, enterprise User and AD extension schemas (title, phoneNumbers, addresses,
 * department, manager, employeeNumber, …, as Entra's default attribute mappings send them) are kept as sent and
 * returned (PATCH reaches them like any attribute); attributes no schema defines are refused. Nothing is dropped.
 * The AD agent's extension marks the user's source AGENT.
 */
final class ScimUserDocument {

    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String AD_EXTENSION = "urn:faxgate:params:scim:schemas:extension:ad:2.0:User";

    /** Lower-cased names of the core User schema (RFC 7643 4.1) plus the common resource attributes. */
    private static final Set<String> CORE_ATTRIBUTES = Set.of("schemas", "id", "externalid", "meta", "username", "name",
            "displayname", "nickname", "profileurl", "title", "usertype", "preferredlanguage", "locale", "timezone",
            "active", "password", "emails", "phonenumbers", "ims", "photos", "addresses", "groups", "entitlements",
            "roles", "x509certificates");
    private static final Set<String> EXTENSIONS = Set.of(ENTERPRISE_USER.toLowerCase(Locale.ROOT),
            AD_EXTENSION.toLowerCase(Locale.ROOT));

    /** Refused, not dropped: a client syncing passwords must learn that Faxgate does not take them. */
    static final String PASSWORD_REFUSED = "password is not supported: Faxgate users sign in through the identity"
            + " provider (ServiceProviderConfig changePassword.supported is false)";

    /** Attributes of each extension (lower case): anything else in an extension is refused, not dropped. */
    private static final Map<String, Set<String>> EXTENSION_ATTRIBUTES = Map.of(
            ENTERPRISE_USER.toLowerCase(Locale.ROOT), Set.of("employeenumber", "costcenter", "organization", "division",
                    "department", "manager"),
            AD_EXTENSION.toLowerCase(Locale.ROOT), Set.of("samaccountname", "objectsid"));

    private ScimUserDocument() {
    }

    /**
     * Top-level attributes Faxgate keeps in columns of its own, computes, or refuses; every other attribute of the
     * User schemas (title, phoneNumbers, addresses, preferredLanguage, the enterprise and AD extensions, …) is kept
     * as sent and returned — nothing a client sends is silently dropped.
     */
    private static final Set<String> OWN = Set.of("schemas", "id", "externalid", "meta", "username", "displayname",
            "active", "roles", "groups", "password", "name", "emails");
    /** name.formatted is computed from the parts (readOnly in /Schemas); other name parts are kept as sent. */
    private static final Set<String> OWN_NAME_PARTS = Set.of("givenname", "familyname", "formatted");

    /** The attributes of {@code n} that Faxgate keeps as sent (a JSON object), or null when there are none. */
    static String kept(ObjectNode n) {
        ObjectNode kept = ScimJson.object();
        n.fields().forEachRemaining(e -> {
            if (!OWN.contains(e.getKey().toLowerCase(Locale.ROOT)) && e.getValue() != null && !e.getValue().isNull()) {
                kept.set(e.getKey(), e.getValue());
            }
        });
        JsonNode name = n.get("name");
        if (name != null && name.isObject()) {
            ObjectNode parts = ScimJson.object();
            name.fields().forEachRemaining(e -> {
                if (!OWN_NAME_PARTS.contains(e.getKey().toLowerCase(Locale.ROOT)) && !e.getValue().isNull()) {
                    parts.set(e.getKey(), e.getValue());
                }
            });
            if (!parts.isEmpty()) {
                kept.set("name", parts);
            }
        }
        JsonNode emails = n.get("emails");
        if (emails != null && emails.isArray() && !emails.isEmpty() && !oneWorkEmail(emails)) {
            kept.set("emails", emails); // more than Faxgate's one address: returned as sent
        }
        return kept.isEmpty() ? null : kept.toString();
    }

    /** Exactly what Faxgate returns for its one address: a single {value, type work, primary true}. */
    private static boolean oneWorkEmail(JsonNode emails) {
        if (emails.size() != 1 || !emails.get(0).isObject()) {
            return false;
        }
        JsonNode e = emails.get(0);
        Iterator<String> names = e.fieldNames();
        while (names.hasNext()) {
            if (!Set.of("value", "type", "primary").contains(names.next())) {
                return false;
            }
        }
        JsonNode type = e.get("type");
        JsonNode primary = e.get("primary");
        return (type == null || type.isNull() || "work".equals(type.asText()))
                && (primary == null || primary.isNull() || primary.asBoolean(false));
    }

    /** Puts the kept attributes back into the document Faxgate returns. */
    private static void returnKept(ObjectNode n, ArrayNode schemas, String keptJson) {
        JsonNode kept;
        try {
            kept = JsonUtils.getObjectReader().readTree(keptJson);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored SCIM attributes are not JSON", e);
        }
        kept.fields().forEachRemaining(e -> {
            String key = e.getKey();
            if (key.equals("name")) {
                JsonNode existing = n.get("name");
                ObjectNode name = existing != null && existing.isObject() ? (ObjectNode) existing : n.putObject("name");
                name.setAll((ObjectNode) e.getValue());
            } else {
                n.set(key, e.getValue());
            }
            for (String urn : List.of(ENTERPRISE_USER, AD_EXTENSION)) {
                if (key.equalsIgnoreCase(urn) && !contains(schemas, urn)) {
                    schemas.add(urn);
                }
            }
        });
    }

    private static boolean contains(ArrayNode schemas, String urn) {
        for (JsonNode s : schemas) {
            if (urn.equalsIgnoreCase(s.asText())) {
                return true;
            }
        }
        return false;
    }


    static ObjectNode toJson(ScimUserRecord r, String scimBase) {
        ScimUserData d = r.data();
        ObjectNode n = ScimJson.object();
        ArrayNode schemas = n.putArray("schemas").add(CORE_USER);
        if (d.source() == DirectorySource.AGENT) {
            schemas.add(AD_EXTENSION);
        }
        n.put("id", Long.toString(r.id()));
        if (d.externalId() != null) {
            n.put("externalId", d.externalId());
        }
        n.put("userName", d.userName());
        if (d.givenName() != null || d.familyName() != null) {
            ObjectNode name = n.putObject("name");
            if (d.givenName() != null) {
                name.put("givenName", d.givenName());
            }
            if (d.familyName() != null) {
                name.put("familyName", d.familyName());
            }
            name.put("formatted", ((d.givenName() == null ? "" : d.givenName()) + " "
                    + (d.familyName() == null ? "" : d.familyName())).strip());
        }
        if (d.displayName() != null) {
            n.put("displayName", d.displayName());
        }
        if (d.email() != null) {
            ObjectNode email = n.putArray("emails").addObject();
            email.put("value", d.email());
            email.put("type", "work");
            email.put("primary", true);
        }
        n.put("active", d.active());
        if (d.roles() != null && !d.roles().isEmpty()) {
            ArrayNode roles = n.putArray("roles");
            for (String role : d.roles()) {
                roles.addObject().put("value", role);
            }
        }
        if (d.attributes() != null) {
            returnKept(n, schemas, d.attributes());
        }
        ScimJson.meta(n, "User", scimBase + "/Users/" + r.id(), r.created(), r.lastModified(), r.version());
        return n;
    }

    /** A POST or PUT body: the source is AGENT when the agent's extension is present, else SCIM. */
    static ScimUserData fromRequest(ObjectNode n) {
        return fromJson(n, hasExtension(n) ? DirectorySource.AGENT : DirectorySource.SCIM, false);
    }

    /** The document a PATCH produced from the stored user; keeps the user's source. */
    static ScimUserData fromPatched(ObjectNode n, ScimUserRecord before) {
        JsonNode id = n.get("id");
        if (id == null || !Long.toString(before.id()).equals(ScimJson.text(id, "id"))) {
            throw ScimProblem.mutability("id is read-only");
        }
        return fromJson(n, null, true);
    }

    /** PATCH paths must name an attribute of a schema we know (before anything is applied). */
    static void checkPath(PatchOperation op) {
        Path path = op.getPath();
        if (path == null || path.size() == 0) {
            return;
        }
        String urn = path.getSchemaUrn();
        if (urn != null && !urn.equalsIgnoreCase(CORE_USER) && !EXTENSIONS.contains(urn.toLowerCase(Locale.ROOT))) {
            throw ScimProblem.invalidPath("unknown schema " + urn);
        }
        if (urn != null && EXTENSIONS.contains(urn.toLowerCase(Locale.ROOT))) {
            String attribute = path.getElement(0).getAttribute();
            if (!EXTENSION_ATTRIBUTES.get(urn.toLowerCase(Locale.ROOT)).contains(attribute.toLowerCase(Locale.ROOT))) {
                throw ScimProblem.invalidPath("unknown attribute '" + EntraPatchDialect.printable(attribute) + "' of " + urn);
            }
        }
        if (urn == null || urn.equalsIgnoreCase(CORE_USER)) {
            String attribute = path.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
            if (!CORE_ATTRIBUTES.contains(attribute)) {
                throw ScimProblem.invalidPath("unknown attribute '" + EntraPatchDialect.printable(path.getElement(0).getAttribute()) + "'");
            }
            if (attribute.equals("password")) {
                throw ScimProblem.invalidValue(PASSWORD_REFUSED);
            }
            if (attribute.equals("id") || attribute.equals("meta") || attribute.equals("groups")) {
                throw ScimProblem.mutability(path.getElement(0).getAttribute() + " is read-only");
            }
        }
    }

    /** {@code complete}: the document is the whole user (a PATCH result), so absent roles mean none. */
    private static ScimUserData fromJson(ObjectNode n, DirectorySource source, boolean complete) {
        Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
        while (fields.hasNext()) {
            String key = fields.next().getKey();
            String lower = key.toLowerCase(Locale.ROOT);
            if (!CORE_ATTRIBUTES.contains(lower) && !EXTENSIONS.contains(lower)) {
                throw ScimProblem.invalidSyntax("unknown attribute '" + EntraPatchDialect.printable(key)
                        + "' (not in the User schemas this service supports: see /Schemas)");
            }
            if (EXTENSIONS.contains(lower)) {
                checkExtension(key, n.get(key));
            }
        }
        JsonNode schemas = n.get("schemas");
        if (schemas != null && !schemas.isArray()) {
            throw ScimProblem.invalidSyntax("schemas must be an array");
        }
        if (schemas != null) {
            for (JsonNode schema : schemas) {
                String urn = schema.asText().toLowerCase(Locale.ROOT);
                if (!urn.equals(CORE_USER.toLowerCase(Locale.ROOT)) && !EXTENSIONS.contains(urn)) {
                    throw ScimProblem.invalidValue("unknown schema '" + EntraPatchDialect.printable(schema.asText())
                            + "' (Users support " + CORE_USER + ", " + ENTERPRISE_USER + ")");
                }
            }
        }
        JsonNode password = n.get("password");
        if (password != null && !password.isNull()) {
            throw ScimProblem.invalidValue(PASSWORD_REFUSED);
        }
        JsonNode groups = n.get("groups");
        if (groups != null && !groups.isNull() && !(groups.isArray() && groups.isEmpty())) {
            throw ScimProblem.mutability("groups is read-only: change memberships on the Group");
        }
        JsonNode name = n.get("name");
        if (name != null && !name.isNull() && !name.isObject()) {
            throw ScimProblem.invalidValue("name must be an object");
        }
        String given = name == null ? null : ScimJson.text(name.get("givenName"), "name.givenName");
        String family = name == null ? null : ScimJson.text(name.get("familyName"), "name.familyName");
        return new ScimUserData(
                ScimJson.text(n.get("userName"), "userName"),
                ScimJson.text(n.get("externalId"), "externalId"),
                ScimJson.text(n.get("displayName"), "displayName"),
                given, family,
                email(n.get("emails")),
                ScimJson.bool(n.get("active"), "active", true),
                source,
                roles(n.get("roles"), complete),
                kept(n));
    }

    private static void checkExtension(String urn, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            throw ScimProblem.invalidSyntax(EntraPatchDialect.printable(urn) + " must be an object");
        }
        Set<String> known = EXTENSION_ATTRIBUTES.get(urn.toLowerCase(Locale.ROOT));
        value.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name.toLowerCase(Locale.ROOT))) {
                throw ScimProblem.invalidSyntax("unknown attribute '" + EntraPatchDialect.printable(name) + "' of "
                        + EntraPatchDialect.printable(urn));
            }
        });
    }

    /** The values of {@code roles}; absent in a POST or PUT: null (the user's roles are kept). */
    private static List<String> roles(JsonNode roles, boolean complete) {
        if (roles == null || roles.isNull()) {
            return complete ? List.of() : null;
        }
        if (!roles.isArray()) {
            throw ScimProblem.invalidValue("roles must be an array of {\"value\": \"<app role value>\"}");
        }
        List<String> values = new java.util.ArrayList<>();
        for (JsonNode role : roles) {
            if (!role.isObject()) {
                throw ScimProblem.invalidValue("roles must be an array of {\"value\": \"<app role value>\"}");
            }
            String value = ScimJson.text(role.get("value"), "roles.value");
            if (value == null || value.isBlank()) {
                throw ScimProblem.invalidValue("every role needs a value (the app role's value)");
            }
            values.add(value);
        }
        return values;
    }

    private static String email(JsonNode emails) {
        if (emails == null || emails.isNull()) {
            return null;
        }
        if (!emails.isArray()) {
            throw ScimProblem.invalidValue("emails must be an array");
        }
        String work = null;
        String first = null;
        for (JsonNode e : toList(emails)) {
            if (!e.isObject()) {
                throw ScimProblem.invalidValue("emails must hold objects with a value");
            }
            String value = ScimJson.text(e.get("value"), "emails.value");
            if (value == null || value.isBlank()) {
                continue;
            }
            if (ScimJson.bool(e.get("primary"), "emails.primary", false)) {
                return value;
            }
            if (work == null && "work".equalsIgnoreCase(ScimJson.text(e.get("type"), "emails.type"))) {
                work = value;
            }
            if (first == null) {
                first = value;
            }
        }
        return work != null ? work : first;
    }

    private static boolean hasExtension(ObjectNode n) {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            if (names.next().equalsIgnoreCase(AD_EXTENSION)) {
                return true;
            }
        }
        JsonNode schemas = n.get("schemas");
        if (schemas != null && schemas.isArray()) {
            for (JsonNode s : schemas) {
                if (AD_EXTENSION.equalsIgnoreCase(s.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
