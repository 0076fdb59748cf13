package io.faxgate.access.entity;

/** The two kinds of password accounts Faxgate keeps itself; everyone else signs in through their IdP. */
public enum LocalAccountKind {
    /** Staff of the fax company, above all tenants. */
    PLATFORM_OPERATOR,
    /** A tenant's own administrator (the first one is created by the operator; break-glass when SSO is on). */
    TENANT_ADMIN
}
