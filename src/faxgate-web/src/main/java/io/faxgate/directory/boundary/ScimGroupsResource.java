package io.faxgate.directory.boundary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * SCIM {@code /Groups} of one tenant. PATCH answers 204 (RFC 7644 3.5.2 allows it; Entra and the AD agent accept
 * it) unless the client asks for attributes — a group of 10,000 members is not serialised for every member added.
 */
@Path("{tenant}/Groups")
public class ScimGroupsResource {

    @EJB
    ScimProvisioning provisioning;

    @Context
    ContainerRequestContext request;

    @POST
    @Consumes({ScimResources.SCIM_JSON, "application/json"})
    public Response create(@PathParam("tenant") String tenant, String body) {
        ScimClient client = ScimResources.client(request, tenant);
        ScimGroupData data = ScimGroupDocument.fromRequest(ScimJson.read(body));
        ScimGroupRecord created = ConcurrentChangeRetry.run(() -> provisioning.createGroup(client, data));
        ObjectNode json = ScimGroupDocument.toJson(created, client.scimBase());
        return ScimJson.created(json);
    }

    @GET
    public Response list(@PathParam("tenant") String tenant, @QueryParam("filter") String filter,
                         @QueryParam("startIndex") String startIndex, @QueryParam("count") String count,
                         @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded) {
        ScimClient client = ScimResources.client(request, tenant);
        List<ScimCondition> conditions = ScimFilterConditions.parse(filter, ScimFilterConditions.GROUP_ATTRIBUTES,
                ScimGroupDocument.CORE_GROUP);
        boolean withMembers = withMembers(attributes, excluded);
        ScimPage<ScimGroupRecord> page = provisioning.groups(client, conditions, ScimResources.startIndex(startIndex),
                ScimResources.count(count), withMembers);
        return ScimJson.ok(200, ScimJson.listResponse(page.resources().stream()
                .map(g -> ScimGroupDocument.toJson(g, client.scimBase())).toList(), page.totalResults(), page.startIndex()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("tenant") String tenant, @PathParam("id") String id,
                        @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded) {
        ScimClient client = ScimResources.client(request, tenant);
        ScimGroupRecord group = provisioning.group(client, ScimResources.id(id, "Group"), withMembers(attributes, excluded));
        return ScimJson.ok(200, ScimGroupDocument.toJson(group, client.scimBase()));
    }

    @PUT
    @Path("{id}")
    @Consumes({ScimResources.SCIM_JSON, "application/json"})
    public Response replace(@PathParam("tenant") String tenant, @PathParam("id") String id, String body) {
        ScimClient client = ScimResources.client(request, tenant);
        long groupId = ScimResources.id(id, "Group");
        ScimGroupData data = ScimGroupDocument.fromRequest(ScimJson.read(body));
        ScimGroupRecord replaced = ConcurrentChangeRetry.run(() -> provisioning.replaceGroup(client, groupId, data));
        return ScimJson.ok(200, ScimGroupDocument.toJson(replaced, client.scimBase()));
    }

    @PATCH
    @Path("{id}")
    @Consumes({ScimResources.SCIM_JSON, "application/json"})
    public Response patch(@PathParam("tenant") String tenant, @PathParam("id") String id,
                          @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded,
                          String body) {
        ScimClient client = ScimResources.client(request, tenant);
        long groupId = ScimResources.id(id, "Group");
        List<GroupChange> changes = ScimGroupDocument.changes(EntraPatchDialect.operations(ScimJson.read(body)));
        boolean answer = attributes != null || excluded != null;
        ScimGroupRecord patched = ConcurrentChangeRetry.run(() -> provisioning.patchGroup(client, groupId, changes,
                answer && withMembers(attributes, excluded)));
        return answer ? ScimJson.ok(200, ScimGroupDocument.toJson(patched, client.scimBase())) : Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        ScimClient client = ScimResources.client(request, tenant);
        long groupId = ScimResources.id(id, "Group");
        ConcurrentChangeRetry.run(() -> {
            provisioning.deleteGroup(client, groupId);
            return null;
        });
        return Response.noContent().build();
    }

    private static boolean withMembers(String attributes, String excluded) {
        return !ScimResources.excludes(excluded, "members") && ScimResources.includes(attributes, "members");
    }
}
