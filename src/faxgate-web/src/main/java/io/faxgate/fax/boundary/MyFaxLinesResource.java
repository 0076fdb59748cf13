package io.faxgate.fax.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The staff member's own fax lines (through their security groups, as of this request) and their faxes. */
@ApplicationScoped
@Path("me/fax-lines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff: faxes")
public class MyFaxLinesResource {

    @EJB
    FaxFacade faxes;

    @GET
    @Operation(summary = "The fax lines the caller reaches through their security groups right now")
    public List<FaxLineView> lines() {
        return faxes.myLines();
    }

    @GET
    @Path("{lineId}/faxes")
    @Operation(summary = "A page of the line's faxes, inbound and outbound, newest first; 404 for a line the caller does not reach")
    public FaxPage faxes(@PathParam("lineId") long lineId, @QueryParam("first") @DefaultValue("0") int first,
                         @QueryParam("max") @DefaultValue("25") int max) {
        return faxes.faxesOnLine(lineId, first, max);
    }
}
