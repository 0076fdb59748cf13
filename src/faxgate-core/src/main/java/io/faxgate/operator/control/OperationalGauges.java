package io.faxgate.operator.control;

import io.faxgate.sso.control.IdpCertificate;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges read from the database once a minute (a scrape never waits for a query): the fax queue
 * ({@code faxgate_fax_queue_depth} by status QUEUED/SENDING) and the days until each tenant's IdP signing
 * certificate expires ({@code faxgate_idp_certificate_days_to_expiry}, by tenant and slot primary/secondary).
 * The values are a copy of what the database says, refreshed on every node; nothing here is shared state.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OperationalGauges {

    private static final Logger LOG = Logger.getLogger(OperationalGauges.class.getName());
    private static final Metadata QUEUE = Metadata.builder().withName("faxgate_fax_queue_depth")
            .withDescription("Outbound faxes waiting (QUEUED) or being sent (SENDING)").build();
    private static final Metadata CERTIFICATE = Metadata.builder().withName("faxgate_idp_certificate_days_to_expiry")
            .withDescription("Days until the tenant's IdP signing certificate expires (negative: expired)").build();

    @PersistenceContext
    EntityManager em;

    @Inject
    MetricRegistry registry;

    @Inject
    Clock clock;

    private final Map<String, Long> values = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        for (String status : List.of("QUEUED", "SENDING")) {
            values.put("queue:" + status, 0L);
            registry.gauge(QUEUE, values, v -> v.getOrDefault("queue:" + status, 0L), new Tag("status", status));
        }
    }

    @Schedule(hour = "*", minute = "*", second = "7", persistent = false)
    public void refresh() {
        try {
            Map<String, Long> queue = new java.util.HashMap<>(Map.of("queue:QUEUED", 0L, "queue:SENDING", 0L));
            for (Object[] row : em.createQuery("select f.status, count(f) from Fax f where f.status in"
                    + " (io.faxgate.fax.entity.FaxStatus.QUEUED, io.faxgate.fax.entity.FaxStatus.SENDING) group by f.status",
                    Object[].class).getResultList()) {
                queue.put("queue:" + row[0], ((Number) row[1]).longValue());
            }
            values.putAll(queue);
            refreshCertificates();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "gauges not refreshed this minute", e);
        }
    }

    private void refreshCertificates() {
        List<Object[]> rows = em.createQuery("select t.slug, s.primaryCertificate, s.secondaryCertificate from SsoSettings s,"
                + " Tenant t where t.id = s.tenantId", Object[].class).getResultList();
        for (Object[] row : rows) {
            certificate((String) row[0], "primary", (String) row[1]);
            certificate((String) row[0], "secondary", (String) row[2]);
        }
    }

    private void certificate(String slug, String slot, String pem) {
        if (pem == null || pem.isBlank()) {
            return;
        }
        long days;
        try {
            days = Duration.between(clock.instant(), IdpCertificate.parse(pem).notAfter()).toDays();
        } catch (RuntimeException unreadable) {
            return;
        }
        String key = "cert:" + slug + ":" + slot;
        if (values.put(key, days) == null) {
            registry.gauge(CERTIFICATE, values, v -> v.getOrDefault(key, 0L), new Tag("tenant", slug), new Tag("slot", slot));
        }
    }
}
