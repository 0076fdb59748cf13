package io.faxgate.directory.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("tenants/{slug}/scim-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "SCIM tokens", description = "Bearer tokens for directory provisioning (Entra ID, AD sync agent)")
public class ScimTokensResource {

    @EJB
    ScimTokenFacade tokens;

    @POST
    @Operation(summary = "Create a SCIM token (operator, or MANAGE_SCIM_TOKENS)",
            description = "{\"label\":\"Entra provisioning\",\"ratePerSecond\":null}. The answer carries the token; it is"
                    + " shown only this once (Faxgate keeps a SHA-256 hash).")
    public Response create(@PathParam("slug") String slug, NewScimToken request) {
        ScimTokenCreated created = tokens.create(slug, request);
        return Response.created(UriBuilder.fromPath("/api/v1/tenants/{slug}/scim-tokens/{id}").build(slug, created.id()))
                .entity(created).build();
    }

    @GET
    @Operation(summary = "List the tenant's SCIM tokens", description = "Never a secret: prefix, label, created, last used, revoked.")
    public List<ScimTokenView> list(@PathParam("slug") String slug) {
        return tokens.list(slug);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a SCIM token", description = "Refused from the next request on. Idempotent.")
    public Response revoke(@PathParam("slug") String slug, @PathParam("id") long id) {
        tokens.revoke(slug, id);
        return Response.noContent().build();
    }
}
