package io.faxgate.audit.control;

import io.faxgate.audit.entity.AuditEvent;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.platform.control.CurrentRequest;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Writes audit events. A change and its audit event commit together ({@link #record}); failures and denials,
 * whose business transaction rolls back, are written in a transaction of their own ({@link #recordIndependently}).
 */
@Stateless
public class AuditTrail {

    public static final String ANONYMOUS = "anonymous";
    private static final int MAX_DETAIL = 4000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    @Inject
    SecurityEvents securityEvents;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Long tenantId, String type, AuditOutcome outcome, String target, String detail) {
        persist(event(tenantId, currentActor(), type, outcome, target, detail, null));
    }

    /** Like {@link #record}, for actors that are not a container caller (a SCIM token: {@code scim:<prefix>}). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordAs(Long tenantId, String actor, String type, AuditOutcome outcome, String target, String detail) {
        persist(event(tenantId, actor, type, outcome, target, detail, null));
    }

    /** Like {@link #recordAs}, with the client address the caller resolved (a sign-in, before any container caller). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordAs(Long tenantId, String actor, String type, AuditOutcome outcome, String target, String detail,
                         String sourceIp) {
        persist(event(tenantId, actor, type, outcome, target, detail, sourceIp));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordIndependently(Long tenantId, String actor, String type, AuditOutcome outcome, String target,
                                    String detail, String sourceIp) {
        persist(event(tenantId, actor == null ? currentActor() : actor, type, outcome, target, detail, sourceIp));
    }

    /** Stores the event; once committed it also becomes a SIEM line and moves the metrics (SecurityEvents). */
    private void persist(AuditEvent e) {
        em.persist(e); // a SEQUENCE id is assigned here, without flushing the caller's changes early
        Tenant tenant = e.getTenantId() == null ? null : em.find(Tenant.class, e.getTenantId());
        String source = e.getSourceIp() != null ? e.getSourceIp() : CurrentRequest.peerAddress();
        securityEvents.afterCommit(new SecurityEvent(e.getId(), e.getOccurredAt(), e.getTenantId(),
                tenant == null ? null : tenant.getSlug(), e.getActor(), source, CurrentRequest.id(), e.getType(),
                e.getOutcome(), e.getTarget(), e.getDetail()));
    }

    private AuditEvent event(Long tenantId, String actor, String type, AuditOutcome outcome, String target,
                             String detail, String sourceIp) {
        String trimmed = detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
        // microseconds: what both databases' TIMESTAMP keeps, so the sealed time is the recorded time
        return new AuditEvent(tenantId, clock.instant().truncatedTo(ChronoUnit.MICROS), actor, type, outcome, target, trimmed, sourceIp);
    }

    private String currentActor() {
        Principal p = session.getCallerPrincipal();
        return p == null || p.getName() == null || "ANONYMOUS".equalsIgnoreCase(p.getName()) ? ANONYMOUS : p.getName();
    }
}
