package io.faxgate.directory.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.faxgate.access.boundary.DirectoryUserDetail;
import io.faxgate.access.boundary.UserDetailFacade;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("tenants/{slug}/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UsersResource {

    @EJB
    DirectoryUserFacade users;

    @EJB
    UserDetailFacade userDetails;

    @GET
    @Operation(summary = "Page through users", description = "search matches userName, email or display name (contains, case-insensitive); page from 0, size 1-200.")
    public UserPage list(@PathParam("slug") String slug, @QueryParam("search") String search,
                         @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return users.search(slug, search, page, size);
    }

    @PUT
    @Path("{id}/active")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Activate or deactivate", description = "{\"active\":false,\"version\":3}; a deactivated user loses all access on the next request")
    public DirectoryUserView activate(@PathParam("slug") String slug, @PathParam("id") long id, UserActivation change) {
        return users.activate(slug, id, change);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A user with their groups, fax lines and permissions")
    public DirectoryUserDetail get(@PathParam("slug") String slug, @PathParam("id") long id) {
        return userDetails.get(slug, id);
    }
}
