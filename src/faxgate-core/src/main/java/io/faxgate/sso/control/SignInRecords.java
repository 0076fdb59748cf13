package io.faxgate.sso.control;

import io.faxgate.platform.control.RetentionPolicy;
import io.faxgate.sso.entity.SignInRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The sign-in debugger's store: per tenant and kind only the newest {@link #KEPT} entries, none older than the
 * audit retention period (anonymous refusals must not be able to grow it). Every query names the tenant.
 */
@ApplicationScoped
public class SignInRecords {

    public static final int KEPT = 20;
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @Inject
    RetentionPolicy retention;

    public SignInRecord add(long tenantId, SignInRecord.Kind kind, Instant now, String actor, SignInReport report,
                            String fingerprint) {
        SignInReport.Check failed = report.failedCheck();
        SignInRecord record = new SignInRecord(tenantId, kind, now, actor, report.passed(),
                failed == null ? null : clip(failed.reason(), 64), fingerprint, JSON.toJson(report));
        em.persist(record);
        em.flush();
        trim(tenantId, kind, now);
        return record;
    }

    /** Beyond the newest KEPT, and older than the audit retention: gone. */
    private void trim(long tenantId, SignInRecord.Kind kind, Instant now) {
        List<Long> keep = em.createQuery("select r.id from SignInRecord r where r.tenantId = :tenantId and r.kind = :kind"
                        + " order by r.occurredAt desc, r.id desc", Long.class)
                .setParameter("tenantId", tenantId).setParameter("kind", kind).setMaxResults(KEPT).getResultList();
        if (keep.size() == KEPT) {
            em.createQuery("delete from SignInRecord r where r.tenantId = :tenantId and r.kind = :kind and r.id not in :keep")
                    .setParameter("tenantId", tenantId).setParameter("kind", kind).setParameter("keep", keep).executeUpdate();
        }
        retention.auditEventsCutoff(now).ifPresent(cutoff -> em.createQuery(
                        "delete from SignInRecord r where r.tenantId = :tenantId and r.occurredAt < :cutoff")
                .setParameter("tenantId", tenantId).setParameter("cutoff", cutoff).executeUpdate());
    }

    public List<SignInRecordView> latest(long tenantId, SignInRecord.Kind kind, int max, String currentFingerprint) {
        return em.createQuery("select r from SignInRecord r where r.tenantId = :tenantId and r.kind = :kind"
                        + " order by r.occurredAt desc, r.id desc", SignInRecord.class)
                .setParameter("tenantId", tenantId).setParameter("kind", kind)
                .setMaxResults(Math.max(1, Math.min(max, KEPT))).getResultStream()
                .map(r -> view(r, currentFingerprint)).toList();
    }

    public static SignInRecordView view(SignInRecord r, String currentFingerprint) {
        return new SignInRecordView(r.getId(), r.getKind().name(), r.getOccurredAt(), r.getActor(), r.isPassed(),
                r.getReason(), currentFingerprint != null && currentFingerprint.equals(r.getFingerprint()),
                JSON.fromJson(r.getReport(), SignInReport.class));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
