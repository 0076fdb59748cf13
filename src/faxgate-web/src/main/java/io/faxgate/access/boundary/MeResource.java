package io.faxgate.access.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
public class MeResource {

    @EJB
    CallerFacade callers;

    @GET
    @Operation(summary = "The signed-in caller: tenant, user, permissions and fax lines as of now; 401 when not signed in")
    public CallerView me() {
        return callers.me();
    }
}
