package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimProblem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * SCIM discovery (RFC 7644 4): what this service supports — PATCH, the full filter grammar, sort and ETags yes;
 * bulk and password change no (refused with 501); bearer token authentication; the User and Group schemas as stored,
 * with each attribute's case rule as filters apply it.
 * Behind the same bearer token as everything else under {@code /scim/v2/{tenant}}.
 */
@Path("{tenant}/{endpoint: ServiceProviderConfig|Schemas|ResourceTypes}")
public class ScimDiscoveryResource {

    @Context
    ContainerRequestContext request;

    @GET
    public Response list(@PathParam("tenant") String tenant, @PathParam("endpoint") String endpoint) {
        ScimClient client = ScimResources.client(request, tenant);
        String base = client.scimBase();
        return switch (endpoint) {
            case "ServiceProviderConfig" -> ScimJson.ok(200, serviceProviderConfig(base));
            case "Schemas" -> {
                List<ObjectNode> schemas = schemas(base);
                yield ScimJson.ok(200, ScimJson.listResponse(schemas, schemas.size(), 1));
            }
            default -> {
                List<ObjectNode> types = resourceTypes(base);
                yield ScimJson.ok(200, ScimJson.listResponse(types, types.size(), 1));
            }
        };
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("tenant") String tenant, @PathParam("endpoint") String endpoint, @PathParam("id") String id) {
        ScimClient client = ScimResources.client(request, tenant);
        List<ObjectNode> all = switch (endpoint) {
            case "Schemas" -> schemas(client.scimBase());
            case "ResourceTypes" -> resourceTypes(client.scimBase());
            default -> throw ScimProblem.notFound(endpoint + "/" + EntraPatchDialect.printable(id));
        };
        return all.stream().filter(n -> n.path("id").asText().equalsIgnoreCase(id)).findFirst()
                .map(n -> ScimJson.ok(200, n))
                .orElseThrow(() -> ScimProblem.notFound(endpoint + " " + EntraPatchDialect.printable(id)));
    }

    static ObjectNode serviceProviderConfig(String base) {
        ObjectNode n = ScimJson.object();
        n.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        n.putObject("patch").put("supported", true);
        n.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        n.putObject("filter").put("supported", true).put("maxResults", ScimResources.MAX_COUNT);
        n.putObject("changePassword").put("supported", false);
        n.putObject("sort").put("supported", true);
        n.putObject("etag").put("supported", true);
        n.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken").put("name", "Bearer token")
                .put("description", "A SCIM token of the tenant, created in Faxgate (POST /api/v1/tenants/{tenant}/scim-tokens)")
                .put("primary", true);
        ObjectNode meta = n.putObject("meta");
        meta.put("resourceType", "ServiceProviderConfig");
        meta.put("location", base + "/ServiceProviderConfig");
        return n;
    }

    static List<ObjectNode> resourceTypes(String base) {
        ObjectNode user = resourceType(base, "User", "/Users", ScimUserDocument.CORE_USER);
        ArrayNode extensions = user.putArray("schemaExtensions");
        extensions.addObject().put("schema", ScimUserDocument.AD_EXTENSION).put("required", false);
        extensions.addObject().put("schema", ScimUserDocument.ENTERPRISE_USER).put("required", false);
        return List.of(user, resourceType(base, "Group", "/Groups", ScimGroupDocument.CORE_GROUP));
    }

    private static ObjectNode resourceType(String base, String name, String endpoint, String schema) {
        ObjectNode n = ScimJson.object();
        n.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        n.put("id", name).put("name", name).put("endpoint", endpoint).put("description", name + "s of this tenant")
                .put("schema", schema);
        ObjectNode meta = n.putObject("meta");
        meta.put("resourceType", "ResourceType");
        meta.put("location", base + "/ResourceTypes/" + name);
        return n;
    }

    static List<ObjectNode> schemas(String base) {
        ObjectNode user = schema(base, ScimUserDocument.CORE_USER, "User", "User Account");
        ArrayNode ua = user.putArray("attributes");
        attribute(ua, "userName", "string", false, true, "readWrite", "server", "Unique per tenant (case-insensitive); usually the UPN");
        ObjectNode name = attribute(ua, "name", "complex", false, false, "readWrite", "none", "Name parts");
        ArrayNode nameParts = name.putArray("subAttributes");
        attribute(nameParts, "givenName", "string", false, false, "readWrite", "none", "Given name");
        attribute(nameParts, "familyName", "string", false, false, "readWrite", "none", "Family name");
        attribute(nameParts, "formatted", "string", false, false, "readOnly", "none", "givenName familyName");
        attribute(ua, "displayName", "string", false, false, "readWrite", "none", "Shown in Faxgate; defaults to the name, else userName");
        ObjectNode emails = attribute(ua, "emails", "complex", true, false, "readWrite", "none",
                "One address is kept: the primary, else the work one, else the first");
        ArrayNode emailParts = emails.putArray("subAttributes");
        attribute(emailParts, "value", "string", false, false, "readWrite", "none", "Address");
        attribute(emailParts, "type", "string", false, false, "readWrite", "none", "work");
        attribute(emailParts, "primary", "boolean", false, false, "readWrite", "none", "Primary address");
        attribute(ua, "active", "boolean", false, false, "readWrite", "none",
                "false = deactivated (soft delete): no access at all, still readable");
        attribute(ua, "externalId", "string", false, false, "readWrite", "server", "The directory's object id; unique per tenant")
                .put("caseExact", true);
        ObjectNode roles = attribute(ua, "roles", "complex", true, false, "readWrite", "none",
                "The user's app roles (role mappings turn them into permissions); absent in a PUT keeps them");
        ArrayNode roleParts = roles.putArray("subAttributes");
        attribute(roleParts, "value", "string", false, true, "readWrite", "none", "The app role's value, e.g. Fax.Admin")
                .put("caseExact", true);

        // Kept as sent and returned (not used by Faxgate): Entra's default mappings send several on every create.
        for (String[] kept : new String[][] {{"nickName", "string", "false"}, {"profileUrl", "reference", "false"},
                {"title", "string", "false"}, {"userType", "string", "false"}, {"preferredLanguage", "string", "false"},
                {"locale", "string", "false"}, {"timezone", "string", "false"}, {"phoneNumbers", "complex", "true"},
                {"ims", "complex", "true"}, {"photos", "complex", "true"}, {"addresses", "complex", "true"},
                {"entitlements", "complex", "true"}, {"x509Certificates", "complex", "true"}}) {
            attribute(ua, kept[0], kept[1], Boolean.parseBoolean(kept[2]), false, "readWrite", "none",
                    "Kept as sent and returned; not used by Faxgate (RFC 7643 4.1)");
        }
        ObjectNode group = schema(base, ScimGroupDocument.CORE_GROUP, "Group", "Security group");
        ArrayNode ga = group.putArray("attributes");
        attribute(ga, "displayName", "string", false, true, "readWrite", "none", "Group name");
        attribute(ga, "externalId", "string", false, false, "readWrite", "server",
                "The directory's object id, if the client has one; unique per tenant").put("caseExact", true);
        ObjectNode members = attribute(ga, "members", "complex", true, false, "readWrite", "none", "Direct members (users only)");
        ArrayNode memberParts = members.putArray("subAttributes");
        attribute(memberParts, "value", "string", false, true, "immutable", "none", "The id of a User of this tenant")
                .put("caseExact", true);
        attribute(memberParts, "display", "string", false, false, "readOnly", "none", "The user's display name");
        attribute(memberParts, "$ref", "reference", false, false, "readOnly", "none", "The user's URL");

        ObjectNode ad = schema(base, ScimUserDocument.AD_EXTENSION, "ActiveDirectoryUser",
                "Sent by the Faxgate AD sync agent; marks the user as provisioned from AD (values kept as sent)");
        ArrayNode adAttributes = ad.putArray("attributes");
        attribute(adAttributes, "sAMAccountName", "string", false, false, "readWrite", "none", "Pre-Windows 2000 logon name");
        attribute(adAttributes, "objectSid", "string", false, false, "readWrite", "none", "Security identifier S-1-5-21-…");

        ObjectNode enterprise = schema(base, ScimUserDocument.ENTERPRISE_USER, "EnterpriseUser",
                "Enterprise User (RFC 7643 4.3): kept as sent and returned; not used by Faxgate");
        ArrayNode ea = enterprise.putArray("attributes");
        for (String attributeName : List.of("employeeNumber", "costCenter", "organization", "division", "department")) {
            attribute(ea, attributeName, "string", false, false, "readWrite", "none", "Kept as sent");
        }
        ObjectNode manager = attribute(ea, "manager", "complex", false, false, "readWrite", "none", "Kept as sent");
        ArrayNode managerParts = manager.putArray("subAttributes");
        attribute(managerParts, "value", "string", false, false, "readWrite", "none", "The manager's id");
        attribute(managerParts, "$ref", "reference", false, false, "readWrite", "none", "The manager's URL");
        attribute(managerParts, "displayName", "string", false, false, "readOnly", "none", "The manager's name");
        return List.of(user, group, ad, enterprise);
    }

    private static ObjectNode schema(String base, String id, String name, String description) {
        ObjectNode n = ScimJson.object();
        n.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Schema");
        n.put("id", id).put("name", name).put("description", description);
        ObjectNode meta = n.putObject("meta");
        meta.put("resourceType", "Schema");
        meta.put("location", base + "/Schemas/" + id);
        return n;
    }

    private static ObjectNode attribute(ArrayNode into, String name, String type, boolean multiValued, boolean required,
                                        String mutability, String uniqueness, String description) {
        ObjectNode a = into.addObject();
        a.put("name", name).put("type", type).put("multiValued", multiValued).put("description", description)
                .put("required", required).put("caseExact", false).put("mutability", mutability)
                .put("returned", mutability.equals("writeOnly") ? "never" : "default").put("uniqueness", uniqueness);
        return a;
    }
}
