package io.faxgate.access.entity;

public enum CallerKind {
    PLATFORM_OPERATOR,
    /** A tenant's local (password) administrator account. */
    TENANT_ADMIN,
    /** A person of the tenant's directory, signed in through the IdP. */
    DIRECTORY_USER
}
