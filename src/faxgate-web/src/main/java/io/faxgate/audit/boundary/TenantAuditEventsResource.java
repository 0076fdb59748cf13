package io.faxgate.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.faxgate.audit.control.AuditVerification;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("tenants/{slug}/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class TenantAuditEventsResource {

    @EJB
    AuditFacade audit;

    @GET
    @Operation(summary = "Page through a tenant's audit events, newest first",
            description = "Operators, and the tenant's people with VIEW_AUDIT_LOG. from (inclusive) and to (exclusive) are"
                    + " ISO-8601 instants; actor matches a part, case-insensitive; type and outcome match exactly;"
                    + " page from 0, size 1-200.")
    public AuditPage list(@PathParam("slug") String slug, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("type") String type, @QueryParam("actor") String actor,
                          @QueryParam("outcome") String outcome, @QueryParam("page") @DefaultValue("0") int page,
                          @QueryParam("size") @DefaultValue("50") int size) {
        return audit.search(slug, AuditFilter.of(from, to, type, actor, outcome), page, size);
    }

    @GET
    @Path("verification")
    @Operation(summary = "Verify the tenant's hash-chained audit trail",
            description = "Seals what is committed, then recomputes every link from the retention anchor to the head."
                    + " intact=false names firstBroken: position, eventId and problem (CHANGED, REMOVED, REORDERED,"
                    + " INSERTED).")
    public AuditVerification verify(@PathParam("slug") String slug) {
        return audit.verify(slug);
    }
}
