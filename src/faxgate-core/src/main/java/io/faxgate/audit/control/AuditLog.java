package io.faxgate.audit.control;

import io.faxgate.audit.control.AuditQuery;
import io.faxgate.audit.entity.AuditEvent;
import io.faxgate.audit.entity.AuditOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the audit trail of one tenant (or, with a null tenant, the platform events), filtered; newest first. Uses
 * the (tenant_id, occurred_at) index.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    public List<AuditEvent> find(Long tenantId, AuditQuery query, int first, int max) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(tenantId, query, parameters);
        TypedQuery<AuditEvent> q = em.createQuery("select e from AuditEvent e" + where
                + " order by e.occurredAt desc, e.id desc", AuditEvent.class);
        parameters.forEach(q::setParameter);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(Long tenantId, AuditQuery query) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Long> q = em.createQuery("select count(e) from AuditEvent e" + where(tenantId, query, parameters), Long.class);
        parameters.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** Conditions are fixed strings; every value is a bound parameter. */
    private static String where(Long tenantId, AuditQuery query, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(tenantId == null ? " where e.tenantId is null" : " where e.tenantId = :tenantId");
        if (tenantId != null) {
            parameters.put("tenantId", tenantId);
        }
        AuditQuery q = query == null ? AuditQuery.all() : query;
        if (q.from() != null) {
            where.append(" and e.occurredAt >= :from");
            parameters.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" and e.occurredAt < :to");
            parameters.put("to", q.to());
        }
        if (q.actor() != null && !q.actor().isBlank()) {
            where.append(" and lower(e.actor) like :actor");
            parameters.put("actor", "%" + q.actor().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.type() != null && !q.type().isBlank()) {
            where.append(" and e.type = :type");
            parameters.put("type", q.type().strip());
        }
        if (q.outcome() != null && !q.outcome().isBlank()) {
            where.append(" and e.outcome = :outcome");
            parameters.put("outcome", AuditOutcome.valueOf(q.outcome().strip()));
        }
        return where.toString();
    }
}
