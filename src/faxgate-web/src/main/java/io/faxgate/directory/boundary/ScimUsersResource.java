package io.faxgate.directory.boundary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.PatchOperation;
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

/** SCIM {@code /Users} of one tenant: thin — JSON in and out here, rules in {@link ScimProvisioning}. */
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
        return ScimJson.created(json);
    }

    @GET
    public Response list(@PathParam("tenant") String tenant, @QueryParam("filter") String filter,
                         @QueryParam("startIndex") String startIndex, @QueryParam("count") String count) {
        ScimClient client = ScimResources.client(request, tenant);
        List<ScimCondition> conditions = ScimFilterConditions.parse(filter, ScimFilterConditions.USER_ATTRIBUTES,
                ScimUserDocument.CORE_USER);
        ScimPage<ScimUserRecord> page = provisioning.users(client, conditions, ScimResources.startIndex(startIndex),
                ScimResources.count(count));
        return ScimJson.ok(200, ScimJson.listResponse(page.resources().stream()
                .map(u -> ScimUserDocument.toJson(u, client.scimBase())).toList(), page.totalResults(), page.startIndex()));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        ScimClient client = ScimResources.client(request, tenant);
        return ScimJson.ok(200, ScimUserDocument.toJson(provisioning.user(client, ScimResources.id(id, "User")), client.scimBase()));
    }

    @PUT
    @Path("{id}")
    @Consumes({ScimResources.SCIM_JSON, "application/json"})
    public Response replace(@PathParam("tenant") String tenant, @PathParam("id") String id, String body) {
        ScimClient client = ScimResources.client(request, tenant);
        long userId = ScimResources.id(id, "User");
        ScimUserData data = ScimUserDocument.fromRequest(ScimJson.read(body));
        ScimUserRecord replaced = ConcurrentChangeRetry.run(() -> provisioning.replaceUser(client, userId, data));
        return ScimJson.ok(200, ScimUserDocument.toJson(replaced, client.scimBase()));
    }

    @PATCH
    @Path("{id}")
    @Consumes({ScimResources.SCIM_JSON, "application/json"})
    public Response patch(@PathParam("tenant") String tenant, @PathParam("id") String id, String body) {
        ScimClient client = ScimResources.client(request, tenant);
        long userId = ScimResources.id(id, "User");
        List<PatchOperation> ops = EntraPatchDialect.operations(ScimJson.read(body));
        ops.forEach(ScimUserDocument::checkPath);
        ScimUserRecord patched = ConcurrentChangeRetry.run(() -> provisioning.patchUser(client, userId, current -> {
            ObjectNode document = ScimUserDocument.toJson(current, client.scimBase());
            for (PatchOperation op : ops) {
                EntraPatchDialect.apply(op, document);
            }
            return ScimUserDocument.fromPatched(document, current);
        }));
        return ScimJson.ok(200, ScimUserDocument.toJson(patched, client.scimBase()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        ScimClient client = ScimResources.client(request, tenant);
        long userId = ScimResources.id(id, "User");
        ConcurrentChangeRetry.run(() -> {
            provisioning.deleteUser(client, userId);
            return null;
        });
        return Response.noContent().build();
    }
}
