package io.faxgate.platform.entity;

/**
 * Container role names, usable in {@code @RolesAllowed}. Each permission is a role of the same name, so a
 * caller's current permissions are exactly the groups the authentication mechanism hands to the container.
 * Payara's default principal-to-role mapping (server-config/) maps group names to role names 1:1.
 */
public final class Roles {

    /** The fax company's staff: manages tenants, above all tenants. */
    public static final String OPERATOR = "PLATFORM_OPERATOR";

    public static final String MANAGE_SSO = "MANAGE_SSO";
    public static final String MANAGE_USERS = "MANAGE_USERS";
    public static final String MANAGE_FAX_LINES = "MANAGE_FAX_LINES";
    public static final String MANAGE_ROLE_MAPPINGS = "MANAGE_ROLE_MAPPINGS";
    public static final String VIEW_AUDIT_LOG = "VIEW_AUDIT_LOG";
    public static final String MANAGE_SCIM_TOKENS = "MANAGE_SCIM_TOKENS";
    public static final String VIEW_FAXES = "VIEW_FAXES";
    public static final String SEND_FAXES = "SEND_FAXES";

    /** Any signed-in person of a tenant (staff console, /api/v1/me). */
    public static final String TENANT_MEMBER = "TENANT_MEMBER";

    private Roles() {
    }
}
