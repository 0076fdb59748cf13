package io.faxgate.sso.boundary;

import io.faxgate.sso.control.EmailDomainName;
import io.faxgate.sso.control.EmailDomains;
import io.faxgate.sso.control.TenantSsoSettings;
import io.faxgate.sso.entity.EmailDomain;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Company sign-in from the sign-in page: which tenant's IdP an e-mail address belongs to. Only a verified domain of
 * a tenant whose single sign-on is on answers; an unknown domain, an unverified claim and a company without SSO all
 * answer the same empty result after the same database work, so the page reveals nothing about which companies
 * exist. Anonymous, hence {@code @PermitAll}; the web tier limits it per address.
 */
@Stateless
@PermitAll
public class CompanySignInFacade {

    @Inject
    EmailDomains domains;

    @Inject
    Tenants tenants;

    @Inject
    TenantSsoSettings ssoSettings;

    /** The slug of the tenant whose IdP signs this address in, if any. */
    public Optional<String> tenantFor(String emailAddress) {
        Optional<EmailDomain> domain = EmailDomainName.ofAddress(emailAddress).flatMap(domains::byDomain)
                .filter(EmailDomain::isVerified);
        long tenantId = domain.map(EmailDomain::getTenantId).orElse(-1L);
        // the same two reads whether or not the domain is known: no timing difference between the refusals
        Optional<Tenant> tenant = tenants.byId(tenantId);
        SsoConfiguration c = ssoSettings.configurationOf(tenantId);
        boolean ssoOn = tenant.map(Tenant::isSsoAllowed).orElse(false) && c.enabled() && c.loginEndpoint() != null
                && c.clientId() != null;
        return domain.isPresent() && ssoOn ? tenant.map(Tenant::getSlug) : Optional.empty();
    }
}
