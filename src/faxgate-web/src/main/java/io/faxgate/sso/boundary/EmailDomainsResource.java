package io.faxgate.sso.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.faxgate.directory.boundary.ConcurrentChangeRetry;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("tenants/{slug}/email-domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "E-mail domains", description = "Verified domains send staff from the sign-in page to their company's IdP")
public class EmailDomainsResource {

    @EJB
    EmailDomainFacade domains;

    @GET
    public List<EmailDomainView> list(@PathParam("slug") String slug) {
        return domains.list(slug);
    }

    @PUT
    @Path("{domain}")
    @Operation(summary = "Claim an e-mail domain (tenant admin) or claim and verify it (operator)",
            description = "201 when new, 200 when already this tenant's; 409 (field domain) when another company holds it.")
    public Response claim(@PathParam("slug") String slug, @PathParam("domain") String domain) {
        // Two companies claiming one domain at the same moment: the unique key refuses the later insert, and the retry
        // then meets the earlier claim and answers 409 (or 200 when both claims were this tenant's).
        EmailDomainFacade.Claimed claimed = ConcurrentChangeRetry.run(() -> domains.claim(slug, domain));
        return Response.status(claimed.created() ? Response.Status.CREATED : Response.Status.OK).entity(claimed.domain()).build();
    }

    @DELETE
    @Path("{domain}")
    public Response remove(@PathParam("slug") String slug, @PathParam("domain") String domain) {
        domains.remove(slug, domain);
        return Response.noContent().build();
    }
}
