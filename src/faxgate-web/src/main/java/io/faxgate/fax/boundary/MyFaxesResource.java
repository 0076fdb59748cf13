package io.faxgate.fax.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Faxes on the staff member's lines: one fax, its PDF, and sending. A fax on a line the caller does not reach (any
 * more) answers 404, exactly like a fax id that does not exist or belongs to another tenant.
 */
@ApplicationScoped
@Path("me/faxes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff: faxes")
public class MyFaxesResource {

    @EJB
    FaxFacade faxes;

    @GET
    @Path("{faxId}")
    @Operation(summary = "One fax with its status")
    public FaxView fax(@PathParam("faxId") long faxId) {
        return faxes.fax(faxId);
    }

    @GET
    @Path("{faxId}/document")
    @Produces("application/pdf")
    @Operation(summary = "The fax's PDF (inline for the viewer; ?download=true to save it); every fetch is audited")
    public Response document(@PathParam("faxId") long faxId, @QueryParam("download") @DefaultValue("false") boolean download) {
        FaxDocumentDownload document = faxes.document(faxId);
        return Response.ok(document.content(), document.contentType())
                .header("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\"" + document.fileName() + "\"")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(document.sha256())))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a fax from one of the caller's lines (needs SEND_FAXES); 201 with status QUEUED, 429 when sending too fast")
    public Response send(SendFaxRequest request) {
        FaxView queued = faxes.send(request == null ? null : request.toNewFax());
        return Response.created(UriBuilder.fromPath("/api/v1/me/faxes/{id}").build(queued.id())).entity(queued).build();
    }
}
