package io.faxgate.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.faxgate.audit.control.AuditVerification;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform events (no tenant): operator actions, sign-ins with unknown usernames, rate-limit refusals. Operators only. */
@ApplicationScoped
@Path("audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class PlatformAuditEventsResource {

    @EJB
    AuditFacade audit;

    @GET
    @Operation(summary = "Page through the platform's audit events (operators only), newest first",
            description = "Same filters and paging as a tenant's audit events.")
    public AuditPage list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("type") String type,
                          @QueryParam("actor") String actor, @QueryParam("outcome") String outcome,
                          @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return audit.searchPlatform(AuditFilter.of(from, to, type, actor, outcome), page, size);
    }

    @GET
    @Path("verification")
    @Operation(summary = "Verify the platform's hash-chained audit trail (operators only)")
    public AuditVerification verify() {
        return audit.verifyPlatform();
    }
}
