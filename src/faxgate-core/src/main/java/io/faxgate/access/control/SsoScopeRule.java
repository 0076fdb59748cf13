package io.faxgate.access.control;

import io.faxgate.access.entity.Permission;
import io.faxgate.sso.control.TenantSsoSettings;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoScope;
import io.faxgate.tenant.control.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which parts of Faxgate a tenant's single sign-on applies to. Where it applies, password sign-in for that part is
 * refused (break-glass accounts excepted, and audited); where it does not, SAML sessions are not accepted — the
 * scope decides for both ways in. SSO applies when the operator allows it, the tenant enabled it, and its scope covers
 * the part. Asked on every request (through {@link CallerDirectory}), so a scope change reaches open sessions on their
 * next request.
 */
@ApplicationScoped
public class SsoScopeRule {

    @Inject
    Tenants tenants;

    @Inject
    TenantSsoSettings ssoSettings;

    public boolean forAdminTool(long tenantId) {
        return samlParts(tenantId).contains(Permission.Area.ADMIN_TOOL);
    }

    public boolean forWebStaff(long tenantId) {
        return samlParts(tenantId).contains(Permission.Area.WEB_STAFF);
    }

    /** The parts a SAML session of this tenant reaches now; none while SSO is off or not allowed. */
    public Set<Permission.Area> samlParts(long tenantId) {
        boolean allowed = tenants.byId(tenantId).map(t -> t.isSsoAllowed()).orElse(false);
        SsoConfiguration c = ssoSettings.configurationOf(tenantId);
        return allowed && c.enabled() ? partsOf(c.scope()) : EnumSet.noneOf(Permission.Area.class);
    }

    /** The parts a scope names, whether or not SSO is on: where the permissions mode applies. */
    public Set<Permission.Area> scopedParts(long tenantId) {
        return partsOf(ssoSettings.configurationOf(tenantId).scope());
    }

    static Set<Permission.Area> partsOf(SsoScope scope) {
        return switch (scope) {
            case ADMIN_TOOL -> EnumSet.of(Permission.Area.ADMIN_TOOL);
            case WEB_STAFF -> EnumSet.of(Permission.Area.WEB_STAFF);
            case BOTH -> EnumSet.allOf(Permission.Area.class);
        };
    }
}
