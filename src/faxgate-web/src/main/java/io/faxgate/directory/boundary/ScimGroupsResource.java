package io.faxgate.directory.boundary;

import io.faxgate.directory.control.IfMatch;

import io.faxgate.directory.control.ScimGroupData;

import io.faxgate.directory.control.ScimPage;

import io.faxgate.directory.control.GroupChange;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * SCIM {@code /Groups} of one tenant; ETags and {@code If-Match} as on Users. PATCH answers 204 (RFC 7644 3.5.2 allows it; Entra and the AD agent accept
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
        return ScimResources.withETag(ScimJson.created(json), json);
    }

    @GET
    public Response list(@PathParam("tenant") String tenant, @QueryParam("filter") String filter,
                         @QueryParam("startIndex") String startIndex, @QueryParam("count") String count,
                         @QueryParam("sortBy") String sortBy, @QueryParam("sortOrder") String sortOrder,
                         @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded) {
        ScimClient client = ScimResources.client(request, tenant);
        return list(client, ScimQuery.of(filter, sortBy, sortOrder, startIndex, count, attributes, excluded,
                ScimGroupDocument.CORE_GROUP));
    }

    /** POST /Groups/.search (RFC 7644 3.4.3). */
    @POST
    @Path(".search")
    @Consumes({ScimResources.SCIM_JSON, "application/json"})
    public Response search(@PathParam("tenant") String tenant, String body) {
        ScimClient client = ScimResources.client(request, tenant);
        return list(client, ScimQuery.ofSearch(ScimJson.read(body), ScimGroupDocument.CORE_GROUP));
    }

    private Response list(ScimClient client, ScimQuery query) {
        ScimPage<ScimGroupRecord> page = provisioning.groups(client, query.filter(), query.sort(), query.startIndex(),
                query.count(), query.returns("members"));
        return ScimJson.ok(200, ScimJson.listResponse(page.resources().stream()
                .map(g -> query.project(ScimGroupDocument.toJson(g, client.scimBase()))).toList(), page.totalResults(),
                page.startIndex()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("tenant") String tenant, @PathParam("id") String id,
                        @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded) {
        ScimClient client = ScimResources.client(request, tenant);
        ScimQuery query = ScimQuery.of(null, null, null, null, null, attributes, excluded, ScimGroupDocument.CORE_GROUP);
        ScimGroupRecord group = provisioning.group(client, ScimResources.id(id, "Group"), query.returns("members"));
        ObjectNode json = ScimGroupDocument.toJson(group, client.scimBase());
        return ScimResources.withETag(ScimJson.ok(200, query.project(json)), json);
    }

    @PUT
    @Path("{id}")
    @Consumes({ScimResources.SCIM_JSON, "application/json"})
    public Response replace(@PathParam("tenant") String tenant, @PathParam("id") String id,
                            @HeaderParam("If-Match") String ifMatch, String body) {
        ScimClient client = ScimResources.client(request, tenant);
        long groupId = ScimResources.id(id, "Group");
        ScimGroupData data = ScimGroupDocument.fromRequest(ScimJson.read(body));
        IfMatch precondition = ScimResources.ifMatch(ifMatch);
        ScimGroupRecord replaced = ConcurrentChangeRetry.run(() -> provisioning.replaceGroup(client, groupId, data, precondition));
        ObjectNode json = ScimGroupDocument.toJson(replaced, client.scimBase());
        return ScimResources.withETag(ScimJson.ok(200, json), json);
    }

    @PATCH
    @Path("{id}")
    @Consumes({ScimResources.SCIM_JSON, "application/json"})
    public Response patch(@PathParam("tenant") String tenant, @PathParam("id") String id,
                          @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded,
                          @HeaderParam("If-Match") String ifMatch, String body) {
        ScimClient client = ScimResources.client(request, tenant);
        long groupId = ScimResources.id(id, "Group");
        List<GroupChange> changes = ScimGroupDocument.changes(EntraPatchDialect.operations(ScimJson.read(body)));
        boolean answer = attributes != null || excluded != null;
        ScimQuery query = ScimQuery.of(null, null, null, null, null, attributes, excluded, ScimGroupDocument.CORE_GROUP);
        IfMatch precondition = ScimResources.ifMatch(ifMatch);
        ScimGroupRecord patched = ConcurrentChangeRetry.run(() -> provisioning.patchGroup(client, groupId, changes,
                answer && query.returns("members"), precondition));
        ObjectNode json = ScimGroupDocument.toJson(patched, client.scimBase());
        return ScimResources.withETag(answer ? ScimJson.ok(200, query.project(json)) : Response.noContent().build(), json);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("tenant") String tenant, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch) {
        ScimClient client = ScimResources.client(request, tenant);
        long groupId = ScimResources.id(id, "Group");
        IfMatch precondition = ScimResources.ifMatch(ifMatch);
        ConcurrentChangeRetry.run(() -> {
            provisioning.deleteGroup(client, groupId, precondition);
            return null;
        });
        return Response.noContent().build();
    }
}
