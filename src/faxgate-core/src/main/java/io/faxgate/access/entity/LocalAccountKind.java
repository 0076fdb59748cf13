package io.faxgate.access.entity;

/** The kinds of password accounts Faxgate keeps itself; everyone else signs in through their IdP. */
public enum LocalAccountKind {
    /** Staff of the fax company, above all tenants. */
    PLATFORM_OPERATOR,
    /** A tenant's own administrator (the first one is created by the operator; break-glass when SSO is on). */
    TENANT_ADMIN,
    /**
     * A staff member's password for the web staff console, for tenants whose SSO does not cover web staff. It acts
     * as one directory user: their groups decide the lines, their permissions what they may do there.
     */
    WEB_STAFF
}
