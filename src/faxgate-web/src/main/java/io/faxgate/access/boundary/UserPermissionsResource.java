package io.faxgate.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("tenants/{slug}/users/{userId}/permissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserPermissionsResource {

    @EJB
    PermissionFacade permissions;

    @GET
    @Operation(summary = "A user's permissions with their sources; whether they may be edited in this tenant's mode")
    public UserPermissions get(@PathParam("slug") String slug, @PathParam("userId") long userId) {
        return permissions.of(slug, userId);
    }

    @PUT
    @Path("{permission}")
    @Operation(summary = "Grant (idempotent)", description = "409 with field 'mode' when the tenant's permissions come from Entra")
    public UserPermissions grant(@PathParam("slug") String slug, @PathParam("userId") long userId,
                                 @PathParam("permission") String permission) {
        return permissions.grant(slug, userId, permission);
    }

    @DELETE
    @Path("{permission}")
    @Operation(summary = "Revoke (idempotent)", description = "409 with field 'mode' when the tenant's permissions come from Entra")
    public UserPermissions revoke(@PathParam("slug") String slug, @PathParam("userId") long userId,
                                  @PathParam("permission") String permission) {
        return permissions.revoke(slug, userId, permission);
    }
}
