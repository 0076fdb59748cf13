package io.faxgate.sso.boundary;

import io.faxgate.access.control.CurrentCaller;
import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.access.entity.Caller;
import io.faxgate.platform.entity.Roles;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.platform.boundary.NotFoundException;
import io.faxgate.platform.control.SecretGenerator;
import io.faxgate.sso.control.EmailDomainName;
import io.faxgate.sso.control.EmailDomains;
import io.faxgate.sso.entity.EmailDomain;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's e-mail domains for company sign-in. A tenant admin (MANAGE_SSO) claims a domain and publishes its
 * verification record; only the platform operator makes it verified — the operator's own PUT claims and verifies at
 * once — because Faxgate cannot check DNS itself everywhere it runs (decision 0024). A domain belongs to at most
 * one tenant: another tenant's claim answers 409 without naming that tenant.
 */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.MANAGE_SSO})
public class EmailDomainFacade {

    static final String TAKEN = "this domain is already claimed by another company; ask the Faxgate operator";

    @Inject
    TenantAccess access;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    EmailDomains domains;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public List<EmailDomainView> list(String slug) {
        Tenant tenant = access.tenant(slug);
        return domains.ofTenant(tenant.getId()).stream().map(EmailDomainView::of).toList();
    }

    /** Claims (tenant admin) or claims and verifies (operator); idempotent. Answers whether it was new. */
    public Claimed claim(String slug, String domainInput) {
        Tenant tenant = access.tenant(slug);
        String domain = EmailDomainName.parse("domain", domainInput);
        Caller caller = currentCaller.get();
        Optional<EmailDomain> existing = domains.byDomain(domain);
        if (existing.isPresent() && existing.get().getTenantId() != tenant.getId()) {
            audit.recordIndependently(tenant.getId(), null, AuditTypes.SSO_SETTINGS_CHANGED, AuditOutcome.DENIED, slug,
                    "e-mail domain " + domain + " refused: claimed by another tenant", null);
            throw new ConflictException("domain", TAKEN);
        }
        boolean created = existing.isEmpty();
        EmailDomain d = existing.orElseGet(() -> new EmailDomain(tenant.getId(), domain, SecretGenerator.token(18),
                caller.userName(), clock.instant()));
        if (created) {
            domains.add(d);
            audit.record(tenant.getId(), AuditTypes.SSO_SETTINGS_CHANGED, AuditOutcome.SUCCESS, slug,
                    "e-mail domain " + domain + " claimed");
        }
        if (caller.isOperator() && !d.isVerified()) {
            d.verify(caller.userName(), clock.instant());
            audit.record(tenant.getId(), AuditTypes.SSO_SETTINGS_CHANGED, AuditOutcome.SUCCESS, slug,
                    "e-mail domain " + domain + " verified by the operator: company sign-in sends its addresses here");
        }
        return new Claimed(EmailDomainView.of(d), created);
    }

    public void remove(String slug, String domainInput) {
        Tenant tenant = access.tenant(slug);
        String domain = EmailDomainName.parse("domain", domainInput);
        EmailDomain d = domains.byDomain(domain).filter(x -> x.getTenantId() == tenant.getId())
                .orElseThrow(() -> new NotFoundException("domain"));
        domains.remove(d);
        audit.record(tenant.getId(), AuditTypes.SSO_SETTINGS_CHANGED, AuditOutcome.SUCCESS, slug,
                "e-mail domain " + domain + " removed");
    }

    /** The domain as it is now, and whether this call created the claim (201) or found it (200). */
    public record Claimed(EmailDomainView domain, boolean created) implements java.io.Serializable {
    }
}
