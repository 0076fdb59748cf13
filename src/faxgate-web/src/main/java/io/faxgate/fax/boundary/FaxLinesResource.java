package io.faxgate.fax.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("tenants/{slug}/fax-lines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Fax lines")
public class FaxLinesResource {

    @EJB
    FaxLineFacade lines;

    @GET
    public List<FaxLineView> list(@PathParam("slug") String slug) {
        return lines.list(slug);
    }

    @POST
    public Response create(@PathParam("slug") String slug, NewFaxLine request) {
        FaxLineView created = lines.create(slug, request);
        return Response.created(UriBuilder.fromPath("/api/v1/tenants/{slug}/fax-lines/{id}").build(slug, created.id()))
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    public FaxLineView get(@PathParam("slug") String slug, @PathParam("id") long id) {
        return lines.get(slug, id);
    }

    @PUT
    @Path("{id}")
    public FaxLineView update(@PathParam("slug") String slug, @PathParam("id") long id, FaxLineChange change) {
        return lines.update(slug, id, change);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        lines.delete(slug, id);
        return Response.noContent().build();
    }
}
