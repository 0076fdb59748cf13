package io.faxgate.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.faxgate.platform.boundary.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A directory user's password for the web staff console (tenants whose SSO does not cover web staff). */
@ApplicationScoped
@Path("tenants/{slug}/users/{id}/console-password")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class ConsolePasswordResource {

    @EJB
    ConsolePasswordFacade passwords;

    @GET
    @Operation(summary = "Whether the user has a console password (never the password); 404 when not")
    public ConsolePasswordView get(@PathParam("slug") String slug, @PathParam("id") long id) {
        return passwords.of(slug, id).orElseThrow(() -> new NotFoundException("console password"));
    }

    @POST
    @Operation(summary = "Set (or reset) a generated console password; 201 {username, password} — shown only now",
            description = "409 field scope when the tenant's single sign-on covers web staff; 409 field username when"
                    + " the user's userName is already another password account on the platform")
    public Response set(@PathParam("slug") String slug, @PathParam("id") long id) {
        return Response.status(Response.Status.CREATED).entity(passwords.set(slug, id)).build();
    }

    @DELETE
    @Operation(summary = "Remove the console password; open sessions end on their next request")
    public Response remove(@PathParam("slug") String slug, @PathParam("id") long id) {
        passwords.remove(slug, id);
        return Response.noContent().build();
    }
}
