package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimPage;

import io.faxgate.directory.control.IfMatch;

import io.faxgate.directory.control.ScimUserData;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.PatchOperation;
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
 * SCIM {@code /Users} of one tenant: thin — JSON in and out here, rules in {@link ScimProvisioning}. Every resource
 * answer carries its version as ETag; PUT, PATCH and DELETE honour {@code If-Match} (412 on a stale version).
 */
@Path("{tenant}/Users")
public class ScimUsersResource {

    @EJB
    ScimProvisioning provisioning;

    @Context
    ContainerRequestContext request;

    @POST
    @Consumes({ScimResources.SCIM_JSON, "application/json"})
    public Response create(@PathParam("tenant") String tenant, String body) {
        ScimClient client = ScimResources.client(request, tenant);
        ScimUserData data = ScimUserDocument.fromRequest(ScimJson.read(body));
        ScimUserRecord created = ConcurrentChangeRetry.run(() -> provisioning.createUser(client, data));
        ObjectNode json = ScimUserDocument.toJson(created, client.scimBase());
        return ScimResources.withETag(ScimJson.created(json), json);
    }

    @GET
    public Response list(@PathParam("tenant") String tenant, @QueryParam("filter") String filter,
                         @QueryParam("startIndex") String startIndex, @QueryParam("count") String count,
                         @QueryParam("sortBy") String sortBy, @QueryParam("sortOrder") String sortOrder,
                         @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded) {
        ScimClient client = ScimResources.client(request, tenant);
        return list(client, ScimQuery.of(filter, sortBy, sortOrder, startIndex, count, attributes, excluded,
                ScimUserDocument.CORE_USER));
    }

    /** POST /Users/.search (RFC 7644 3.4.3): the query in the body, so filter values stay out of URLs and logs. */
    @POST
    @Path(".search")
    @Consumes({ScimResources.SCIM_JSON, "application/json"})
    public Response search(@PathParam("tenant") String tenant, String body) {
        ScimClient client = ScimResources.client(request, tenant);
        return list(client, ScimQuery.ofSearch(ScimJson.read(body), ScimUserDocument.CORE_USER));
    }

    private Response list(ScimClient client, ScimQuery query) {
        ScimPage<ScimUserRecord> page = provisioning.users(client, query.filter(), query.sort(), query.startIndex(),
                query.count());
        return ScimJson.ok(200, ScimJson.listResponse(page.resources().stream()
                .map(u -> query.project(ScimUserDocument.toJson(u, client.scimBase()))).toList(), page.totalResults(),
                page.startIndex()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("tenant") String tenant, @PathParam("id") String id,
                        @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded) {
        ScimClient client = ScimResources.client(request, tenant);
        ScimQuery query = ScimQuery.of(null, null, null, null, null, attributes, excluded, ScimUserDocument.CORE_USER);
        ObjectNode json = ScimUserDocument.toJson(provisioning.user(client, ScimResources.id(id, "User")), client.scimBase());
        return ScimResources.withETag(ScimJson.ok(200, query.project(json)), json);
    }

    @PUT
    @Path("{id}")
    @Consumes({ScimResources.SCIM_JSON, "application/json"})
    public Response replace(@PathParam("tenant") String tenant, @PathParam("id") String id,
                            @HeaderParam("If-Match") String ifMatch, String body) {
        ScimClient client = ScimResources.client(request, tenant);
        long userId = ScimResources.id(id, "User");
        ScimUserData data = ScimUserDocument.fromRequest(ScimJson.read(body));
        IfMatch precondition = ScimResources.ifMatch(ifMatch);
        ScimUserRecord replaced = ConcurrentChangeRetry.run(() -> provisioning.replaceUser(client, userId, data, precondition));
        ObjectNode json = ScimUserDocument.toJson(replaced, client.scimBase());
        return ScimResources.withETag(ScimJson.ok(200, json), json);
    }

    @PATCH
    @Path("{id}")
    @Consumes({ScimResources.SCIM_JSON, "application/json"})
    public Response patch(@PathParam("tenant") String tenant, @PathParam("id") String id,
                          @HeaderParam("If-Match") String ifMatch, String body) {
        ScimClient client = ScimResources.client(request, tenant);
        long userId = ScimResources.id(id, "User");
        List<PatchOperation> ops = EntraPatchDialect.operations(ScimJson.read(body));
        ops.forEach(ScimUserDocument::checkPath);
        IfMatch precondition = ScimResources.ifMatch(ifMatch);
        ScimUserRecord patched = ConcurrentChangeRetry.run(() -> provisioning.patchUser(client, userId, current -> {
            ObjectNode document = ScimUserDocument.toJson(current, client.scimBase());
            for (PatchOperation op : ops) {
                EntraPatchDialect.apply(op, document);
            }
            return ScimUserDocument.fromPatched(document, current);
        }, precondition));
        ObjectNode json = ScimUserDocument.toJson(patched, client.scimBase());
        return ScimResources.withETag(ScimJson.ok(200, json), json);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("tenant") String tenant, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch) {
        ScimClient client = ScimResources.client(request, tenant);
        long userId = ScimResources.id(id, "User");
        IfMatch precondition = ScimResources.ifMatch(ifMatch);
        ConcurrentChangeRetry.run(() -> {
            provisioning.deleteUser(client, userId, precondition);
            return null;
        });
        return Response.noContent().build();
    }
}
