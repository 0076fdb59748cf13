package io.faxgate.access.control;

/**
 * What access needs to know about a tenant's single sign-on. Declared here and implemented by the sso component
 * ({@code sso.control.SsoScopeRule}), which sits above access in the component graph: access enforces the policy,
 * sso decides it from the tenant's SSO settings.
 */
public interface SsoPolicy {

    /** SSO covers the admin tool: password sign-in to it is refused (break-glass accounts excepted). */
    boolean forAdminTool(long tenantId);

    /** SSO covers the web staff console: staff passwords are refused (break-glass accounts excepted). */
    boolean forWebStaff(long tenantId);

    /**
     * Permissions come from the directory (role mappings of app roles and groups), not from grants made in
     * Faxgate: the tenant's SSO mode is "authentication and permissions".
     */
    boolean permissionsFromDirectory(long tenantId);
}
