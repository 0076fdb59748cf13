package io.faxgate.access.boundary;

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
@Path("tenants/{slug}/role-mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Role mappings", description = "Entra app role values or group object ids → Faxgate permissions")
public class RoleMappingsResource {

    @EJB
    RoleMappingFacade mappings;

    @GET
    public List<RoleMappingView> list(@PathParam("slug") String slug) {
        return mappings.list(slug);
    }

    @POST
    @Operation(summary = "Map a claim value to a permission", description = "{\"claimValue\":\"Fax.Admin\",\"permission\":\"MANAGE_SSO\"}")
    public Response create(@PathParam("slug") String slug, NewRoleMapping request) {
        RoleMappingView created = mappings.create(slug, request);
        return Response.created(UriBuilder.fromPath("/api/v1/tenants/{slug}/role-mappings/{id}").build(slug, created.id()))
                .entity(created).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        mappings.delete(slug, id);
        return Response.noContent().build();
    }
}
