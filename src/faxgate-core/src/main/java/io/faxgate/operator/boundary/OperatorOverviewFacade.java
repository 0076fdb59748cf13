package io.faxgate.operator.boundary;

import io.faxgate.platform.entity.Roles;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.control.SignInReason;
import io.faxgate.audit.entity.AuditEvent;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.directory.entity.ScimToken;
import io.faxgate.fax.entity.FaxStatus;
import io.faxgate.sso.control.IdpCertificate;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The operator's landing page: SSO refusals by tenant and reason, expiring IdP certificates, silent SCIM clients, queue. */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class OperatorOverviewFacade {

    static final Duration REFUSALS_WITHIN = Duration.ofHours(24);
    static final Duration CERTIFICATES_WITHIN = Duration.ofDays(30);
    /** Entra provisions every 40 minutes; six hours without a call is several missed cycles. */
    static final Duration SCIM_SILENT_AFTER = Duration.ofHours(6);
    private static final int MAX_REFUSALS_READ = 10_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public OperatorOverview overview() {
        Instant now = clock.instant();
        Map<Long, String> slugs = em.createQuery("select t from Tenant t", Tenant.class).getResultStream()
                .collect(Collectors.toMap(Tenant::getId, Tenant::getSlug));
        Object[] queue = queue();
        return new OperatorOverview(now, ssoProblems(now, slugs), expiringCertificates(now, slugs), silentScimClients(now, slugs),
                (Long) queue[0], (Long) queue[1], (Instant) queue[2]);
    }

    private List<OperatorOverview.SsoProblem> ssoProblems(Instant now, Map<Long, String> slugs) {
        List<AuditEvent> refusals = em.createQuery("select e from AuditEvent e where e.occurredAt >= :since and e.type = :type"
                        + " and e.outcome in :outcomes and e.tenantId is not null order by e.occurredAt desc", AuditEvent.class)
                .setParameter("since", now.minus(REFUSALS_WITHIN)).setParameter("type", AuditTypes.SAML_SIGN_IN)
                .setParameter("outcomes", List.of(AuditOutcome.FAILURE, AuditOutcome.DENIED))
                .setMaxResults(MAX_REFUSALS_READ).getResultList();
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        Map<List<String>, Instant> last = new LinkedHashMap<>();
        for (AuditEvent e : refusals) {
            List<String> key = List.of(slugs.getOrDefault(e.getTenantId(), "#" + e.getTenantId()),
                    SignInReason.of(e.getType(), e.getOutcome(), e.getTarget(), e.getDetail()));
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            last.putIfAbsent(key, e.getOccurredAt());
        }
        return counts.entrySet().stream()
                .map(c -> new OperatorOverview.SsoProblem(c.getKey().get(0), c.getKey().get(1), c.getValue()[0], last.get(c.getKey())))
                .sorted(Comparator.comparingLong(OperatorOverview.SsoProblem::refusals).reversed()).toList();
    }

    private List<OperatorOverview.ExpiringCertificate> expiringCertificates(Instant now, Map<Long, String> slugs) {
        List<OperatorOverview.ExpiringCertificate> expiring = new ArrayList<>();
        for (Object[] row : em.createQuery("select s.tenantId, s.primaryCertificate, s.secondaryCertificate from SsoSettings s",
                Object[].class).getResultList()) {
            String slug = slugs.getOrDefault((Long) row[0], "#" + row[0]);
            expiring(now, slug, "primary", (String) row[1], expiring);
            expiring(now, slug, "secondary", (String) row[2], expiring);
        }
        expiring.sort(Comparator.comparing(OperatorOverview.ExpiringCertificate::notAfter));
        return expiring;
    }

    private static void expiring(Instant now, String slug, String slot, String pem,
                                 List<OperatorOverview.ExpiringCertificate> into) {
        if (pem == null || pem.isBlank()) {
            return;
        }
        try {
            IdpCertificate certificate = IdpCertificate.parse(pem);
            if (certificate.notAfter().isBefore(now.plus(CERTIFICATES_WITHIN))) {
                into.add(new OperatorOverview.ExpiringCertificate(slug, slot, certificate.subject(), certificate.notAfter(),
                        Duration.between(now, certificate.notAfter()).toDays()));
            }
        } catch (RuntimeException unreadable) {
            // saved settings were validated; an unreadable one is not an expiry question
        }
    }

    private List<OperatorOverview.SilentScimClient> silentScimClients(Instant now, Map<Long, String> slugs) {
        Instant silentSince = now.minus(SCIM_SILENT_AFTER);
        return em.createQuery("select t from ScimToken t where t.revokedAt is null and ((t.lastUsedAt is null and"
                        + " t.createdAt < :since) or t.lastUsedAt < :since) order by t.lastUsedAt", ScimToken.class)
                .setParameter("since", silentSince).setMaxResults(200).getResultStream()
                .map(t -> new OperatorOverview.SilentScimClient(slugs.getOrDefault(t.getTenantId(), "#" + t.getTenantId()),
                        t.getLabel(), t.getTokenPrefix(), t.getLastUsedAt(), t.getCreatedAt()))
                .toList();
    }

    private Object[] queue() {
        long queued = 0;
        long sending = 0;
        for (Object[] row : em.createQuery("select f.status, count(f) from Fax f where f.status in :open group by f.status",
                Object[].class).setParameter("open", List.of(FaxStatus.QUEUED, FaxStatus.SENDING)).getResultList()) {
            if (row[0] == FaxStatus.QUEUED) {
                queued = ((Number) row[1]).longValue();
            } else {
                sending = ((Number) row[1]).longValue();
            }
        }
        Instant oldest = em.createQuery("select min(f.createdAt) from Fax f where f.status = :queued", Instant.class)
                .setParameter("queued", FaxStatus.QUEUED).getSingleResult();
        return new Object[] {queued, sending, oldest};
    }
}
