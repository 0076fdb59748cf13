package io.faxgate.tenant.control;

import io.faxgate.tenant.entity.Tenant;
import java.time.Instant;

/**
 * A tenant was created. Fired synchronously inside the creating transaction: the components that keep per-tenant
 * rows (sso: settings and SP key pairs) and the audit trail react in it, so a tenant never exists without them.
 */
public record TenantCreated(Tenant tenant, Instant at) {
}
