package io.faxgate.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.faxgate.operator.boundary.RetentionRun;

import io.faxgate.operator.boundary.RetentionFacade;

import io.faxgate.operator.boundary.RetentionView;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("retention")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class RetentionResource {

    @EJB
    RetentionFacade retention;

    @GET
    @Operation(summary = "Retention periods in force (days, 0 = kept forever) and the daily purge's last run",
            description = "Set by faxgate.retention.audit-events-days (default 400) and"
                    + " faxgate.retention.fax-documents-days (default 0).")
    public RetentionView policy() {
        return retention.policy();
    }

    @POST
    @Path("runs")
    @Operation(summary = "Apply the retention periods now (operators only)",
            description = "What the daily purge does: removes audit events older than the period (each chain keeps"
                    + " verifying from its checkpoint) and empties older fax documents. Recorded as RETENTION_PURGED.")
    public RetentionRun run() {
        return retention.runNow();
    }
}
