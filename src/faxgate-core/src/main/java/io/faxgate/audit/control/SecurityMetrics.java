package io.faxgate.audit.control;

import io.faxgate.audit.entity.AuditOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counters derived from committed audit events, so every sign-in, revocation and fax outcome is counted exactly
 * where it is audited. Labels come from bounded sets: tenant slugs ("platform" without one), outcomes, typed reasons.
 */
@ApplicationScoped
public class SecurityMetrics {

    /** Events that take access away from someone. */
    static final Set<String> REVOCATIONS = Set.of(AuditTypes.PERMISSION_REVOKED, AuditTypes.USER_DELETED,
            AuditTypes.SCIM_TOKEN_REVOKED, AuditTypes.ROLE_MAPPING_DELETED, AuditTypes.GROUP_LINE_UNBOUND,
            AuditTypes.WEB_STAFF_PASSWORD_REMOVED);

    private static final Metadata SIGN_IN = Metadata.builder().withName("faxgate_sign_in")
            .withDescription("Sign-in attempts by tenant, method (local, saml), outcome and typed refusal reason").build();
    private static final Metadata REVOKED = Metadata.builder().withName("faxgate_access_revocations")
            .withDescription("Changes that took access away (permission revoked, user deleted or deactivated, token revoked...)").build();
    private static final Metadata FAX_SENDS = Metadata.builder().withName("faxgate_fax_sends")
            .withDescription("Outbound faxes finished, by tenant and outcome (sent, failed)").build();
    private static final Metadata AUDIT = Metadata.builder().withName("faxgate_audit_events")
            .withDescription("Audit events committed, by type and outcome").build();

    private static final Logger LOG = Logger.getLogger(SecurityMetrics.class.getName());

    /**
     * Payara's producer finds the application registry through the current invocation; outside one (a transaction
     * completing after its invocation ended) it yields null. So the registry is looked up on demand and kept only
     * once found, and {@link SecurityEvents} looks it up while the business call is still running.
     */
    @Inject
    Instance<MetricRegistry> registries;

    private volatile MetricRegistry registry;

    /** Looks the application registry up now, inside the caller's invocation, so later counting finds it. */
    void prepare() {
        registry();
    }

    private MetricRegistry registry() {
        MetricRegistry found = registry;
        if (found == null) {
            found = registries.get();
            registry = found;
        }
        return found;
    }

    void count(SecurityEvent e) {
        MetricRegistry registry = registry();
        if (registry == null) {
            LOG.fine("no metric registry in this context: event not counted");
            return;
        }
        String tenant = e.tenant() == null ? "platform" : e.tenant();
        registry.counter(AUDIT, new Tag("type", e.type()), new Tag("outcome", e.outcome().name())).inc();
        if (SignInReason.isSignIn(e.type())) {
            String method = AuditTypes.SAML_SIGN_IN.equals(e.type()) ? "saml" : "local";
            registry.counter(SIGN_IN, new Tag("tenant", tenant), new Tag("method", method),
                    new Tag("outcome", e.outcome().name()), new Tag("reason", e.reason())).inc();
        }
        if (REVOCATIONS.contains(e.type()) || isDeactivation(e)) {
            registry.counter(REVOKED, new Tag("tenant", tenant), new Tag("type", e.type())).inc();
        }
        if (AuditTypes.FAX_SENT.equals(e.type()) || AuditTypes.FAX_FAILED.equals(e.type())) {
            registry.counter(FAX_SENDS, new Tag("tenant", tenant),
                    new Tag("outcome", e.outcome() == AuditOutcome.SUCCESS ? "sent" : "failed")).inc();
        }
    }

    private static boolean isDeactivation(SecurityEvent e) {
        return AuditTypes.USER_ACTIVATION_CHANGED.equals(e.type()) && e.detail() != null
                && e.detail().toLowerCase(java.util.Locale.ROOT).contains("deactivat");
    }
}
