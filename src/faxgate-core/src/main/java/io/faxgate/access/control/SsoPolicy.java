package io.faxgate.access.control;

import io.faxgate.access.entity.Permission;
import java.util.Set;

/**
 * What access needs to know about a tenant's single sign-on. Declared here and implemented by the sso component
 * ({@code sso.control.SsoScopeRule}), which sits above access in the component graph: access enforces the policy,
 * sso decides it from the tenant's SSO settings.
 */
public interface SsoPolicy {

    /**
     * The parts SSO covers now (the operator allows it, the tenant enabled it, the scope names the part): there
     * passwords are refused (break-glass accounts excepted) and SAML sessions accepted; elsewhere SAML sessions are
     * not. Empty while SSO is off.
     */
    Set<Permission.Area> coveredParts(long tenantId);

    /**
     * The parts whose permissions come from the directory (role mappings of app roles and groups), not from grants
     * made in Faxgate: the scope's parts when the mode is "authentication and permissions", else none.
     */
    Set<Permission.Area> directoryDecidedParts(long tenantId);

    /** SSO covers the admin tool: password sign-in to it is refused (break-glass accounts excepted). */
    default boolean forAdminTool(long tenantId) {
        return coveredParts(tenantId).contains(Permission.Area.ADMIN_TOOL);
    }

    /** SSO covers the web staff console: staff passwords are refused (break-glass accounts excepted). */
    default boolean forWebStaff(long tenantId) {
        return coveredParts(tenantId).contains(Permission.Area.WEB_STAFF);
    }
}
