package io.faxgate.sso.control;

import io.faxgate.access.control.SsoPolicy;
import io.faxgate.access.entity.Permission;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoMode;
import io.faxgate.sso.entity.SsoScope;
import io.faxgate.tenant.control.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which parts of Faxgate a tenant's single sign-on covers. Where it does, password sign-in for that part is refused
 * (break-glass accounts excepted, and audited); where it does not, SAML sessions are not accepted — the scope decides
 * both ways in. SSO applies when the operator allows it, the tenant enabled it, and its scope covers the part. The
 * mode applies to the parts the scope names. Asked on every request (through {@code CallerDirectory}), so a scope
 * change reaches open sessions on their next request.
 */
@ApplicationScoped
public class SsoScopeRule implements SsoPolicy {

    @Inject
    Tenants tenants;

    @Inject
    TenantSsoSettings ssoSettings;

    @Override
    public Set<Permission.Area> coveredParts(long tenantId) {
        boolean allowed = tenants.byId(tenantId).map(t -> t.isSsoAllowed()).orElse(false);
        SsoConfiguration c = ssoSettings.configurationOf(tenantId);
        return allowed && c.enabled() ? partsOf(c.scope()) : EnumSet.noneOf(Permission.Area.class);
    }

    @Override
    public Set<Permission.Area> directoryDecidedParts(long tenantId) {
        SsoConfiguration c = ssoSettings.configurationOf(tenantId);
        return c.mode() == SsoMode.AUTHENTICATION_AND_PERMISSIONS ? partsOf(c.scope()) : EnumSet.noneOf(Permission.Area.class);
    }

    static Set<Permission.Area> partsOf(SsoScope scope) {
        return switch (scope) {
            case ADMIN_TOOL -> EnumSet.of(Permission.Area.ADMIN_TOOL);
            case WEB_STAFF -> EnumSet.of(Permission.Area.WEB_STAFF);
            case BOTH -> EnumSet.allOf(Permission.Area.class);
        };
    }
}
