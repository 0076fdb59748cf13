package io.faxgate.tenant.control;

/**
 * What tenant isolation needs to know about the caller of this request: operator or not, their tenant, and the
 * directory user they act as (null for accounts that are no directory user).
 */
public record CallerScope(String principalName, boolean operator, Long tenantId, String tenantSlug,
                          Long directoryUserId, String userName) {
}
