package io.faxgate.directory.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.faxgate.fax.boundary.FaxLineFacade;
import io.faxgate.fax.boundary.FaxLineView;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("tenants/{slug}/security-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Security groups")
public class SecurityGroupsResource {

    @EJB
    SecurityGroupFacade groups;

    @EJB
    FaxLineFacade lines;

    @GET
    public List<SecurityGroupView> list(@PathParam("slug") String slug) {
        return groups.list(slug);
    }

    @POST
    public Response create(@PathParam("slug") String slug, NewSecurityGroup request) {
        SecurityGroupView created = groups.create(slug, request);
        return Response.created(UriBuilder.fromPath("/api/v1/tenants/{slug}/security-groups/{id}").build(slug, created.id()))
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    public SecurityGroupView get(@PathParam("slug") String slug, @PathParam("id") long id) {
        return groups.get(slug, id);
    }

    @PUT
    @Path("{groupId}/fax-lines/{lineId}")
    @Operation(summary = "Bind a fax line to the group", description = "Idempotent; members of the group reach the line.")
    public FaxLineView bind(@PathParam("slug") String slug, @PathParam("groupId") long groupId, @PathParam("lineId") long lineId) {
        return lines.bind(slug, groupId, lineId);
    }

    @DELETE
    @Path("{groupId}/fax-lines/{lineId}")
    @Operation(summary = "Unbind a fax line from the group")
    public FaxLineView unbind(@PathParam("slug") String slug, @PathParam("groupId") long groupId, @PathParam("lineId") long lineId) {
        return lines.unbind(slug, groupId, lineId);
    }
}
