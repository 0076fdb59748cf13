package io.faxgate.sso.control;

import io.faxgate.access.control.SsoPolicy;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoMode;
import io.faxgate.sso.entity.SsoScope;
import io.faxgate.tenant.control.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where a tenant's single sign-on applies, password sign-in for that part is refused (break-glass accounts excepted,
 * and audited). SSO applies when the operator allows it, the tenant enabled it, and its scope covers the part.
 */
@ApplicationScoped
public class SsoScopeRule implements SsoPolicy {

    @Inject
    Tenants tenants;

    @Inject
    TenantSsoSettings ssoSettings;

    @Override
    public boolean forAdminTool(long tenantId) {
        return applies(tenantId, SsoScope.ADMIN_TOOL);
    }

    @Override
    public boolean forWebStaff(long tenantId) {
        return applies(tenantId, SsoScope.WEB_STAFF);
    }

    @Override
    public boolean permissionsFromDirectory(long tenantId) {
        return ssoSettings.configurationOf(tenantId).mode() == SsoMode.AUTHENTICATION_AND_PERMISSIONS;
    }

    private boolean applies(long tenantId, SsoScope part) {
        boolean allowed = tenants.byId(tenantId).map(t -> t.isSsoAllowed()).orElse(false);
        SsoConfiguration c = ssoSettings.configurationOf(tenantId);
        return allowed && c.enabled() && (c.scope() == SsoScope.BOTH || c.scope() == part);
    }
}
