package io.faxgate.operator.boundary;

import io.faxgate.platform.entity.Roles;
import io.faxgate.platform.control.MaintenanceJobs;
import io.faxgate.operator.control.Retention;
import io.faxgate.platform.control.RetentionPolicy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Retention as people see it: the periods in force (admin panel, API) and an operator's "apply it now". */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.VIEW_AUDIT_LOG})
public class RetentionFacade {

    @Inject
    RetentionPolicy policy;

    @EJB
    MaintenanceJobs jobs;

    @EJB
    Retention retention;

    @Resource
    SessionContext session;

    public RetentionView policy() {
        return new RetentionView(policy.auditEventsDays(), policy.faxDocumentsDays(), jobs.lastRun(Retention.JOB));
    }

    @RolesAllowed(Roles.OPERATOR)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RetentionRun runNow() {
        Retention.Outcome outcome = retention.run(session.getCallerPrincipal().getName());
        return new RetentionRun(outcome.ranAt(), outcome.auditEventsRemoved(), outcome.faxDocumentsEmptied());
    }
}
