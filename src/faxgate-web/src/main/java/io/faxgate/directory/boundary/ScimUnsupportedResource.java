package io.faxgate.directory.boundary;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * What RFC 7644 defines and Faxgate does not offer, refused with 501 and a SCIM error naming the alternative —
 * never a 404 that reads like a wrong URL: bulk (3.7; ServiceProviderConfig says bulk.supported=false) and search
 * across resource types at the root (3.4.3).
 */
@Path("{tenant}")
public class ScimUnsupportedResource {

    @Context
    ContainerRequestContext request;

    @POST
    @Path("Bulk")
    public Response bulk(@PathParam("tenant") String tenant) {
        ScimResources.client(request, tenant);
        return ScimErrors.response(501, null, "bulk operations are not supported (ServiceProviderConfig bulk.supported"
                + " is false): send each operation on its own");
    }

    @POST
    @Path(".search")
    public Response searchAll(@PathParam("tenant") String tenant) {
        ScimResources.client(request, tenant);
        return ScimErrors.response(501, null, "search across resource types is not supported: POST /Users/.search or"
                + " /Groups/.search");
    }
}
