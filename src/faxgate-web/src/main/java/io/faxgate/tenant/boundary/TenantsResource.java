package io.faxgate.tenant.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.faxgate.access.boundary.NewTenantAdmin;
import io.faxgate.access.boundary.TenantAdminFacade;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
@Path("tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants", description = "Customer companies (platform operator)")
public class TenantsResource {

    @EJB
    TenantFacade tenants;

    @EJB
    TenantAdminFacade admins;

    @POST
    @Operation(summary = "Create a tenant", description = "Operator only. 409 when the slug exists.")
    public Response create(NewTenant request) {
        TenantView created = tenants.create(request);
        return Response.created(UriBuilder.fromPath("/api/v1/tenants/{slug}").build(created.slug())).entity(created).build();
    }

    @GET
    @Operation(summary = "List all tenants (operator)")
    public List<TenantView> list() {
        return tenants.list();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Get a tenant (operator, or a member of that tenant)")
    public TenantView get(@PathParam("slug") String slug) {
        return tenants.get(slug);
    }

    @PUT
    @Path("{slug}")
    @Operation(summary = "Update name and SSO allowance (operator)", description = "Send the version you read; 409 if it changed.")
    public TenantView update(@PathParam("slug") String slug, TenantChange change) {
        return tenants.update(slug, change);
    }

    @PUT
    @Path("{slug}/admins/{username}/enabled")
    @Operation(summary = "Enable or disable a tenant administrator (operator)", description = "{\"enabled\":false}")
    public Response enableAdmin(@PathParam("slug") String slug, @PathParam("username") String username, AccountEnabled body) {
        if (body == null || body.enabled() == null) {
            throw new io.faxgate.platform.boundary.InvalidInputException("enabled", "is required");
        }
        admins.enableAdmin(slug, username, body.enabled());
        return Response.noContent().build();
    }

    /** Request body of {@link #enableAdmin}. */
    public record AccountEnabled(Boolean enabled) {
    }

    @POST
    @Path("{slug}/admins")
    @Operation(summary = "Create a tenant administrator account (operator)",
            description = "Without a password one is generated and returned once.")
    public Response createAdmin(@PathParam("slug") String slug, NewTenantAdmin request) {
        return Response.status(Response.Status.CREATED).entity(admins.createAdmin(slug, request)).build();
    }
}
