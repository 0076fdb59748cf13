package io.faxgate.tenant.control;

import io.faxgate.tenant.entity.Tenant;

/** A tenant's name or SSO allowance changed (synchronous, same transaction); {@code before} describes the old state. */
public record TenantChanged(Tenant tenant, String before) {

    /** How a tenant's settings read in the audit trail. */
    public static String describe(Tenant tenant) {
        return "name=" + tenant.getName() + ", ssoAllowed=" + tenant.isSsoAllowed();
    }
}
