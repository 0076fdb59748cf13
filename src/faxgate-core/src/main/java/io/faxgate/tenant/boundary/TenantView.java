package io.faxgate.tenant.boundary;

import io.faxgate.tenant.entity.Tenant;
import java.time.Instant;

public record TenantView(String slug, String name, boolean ssoAllowed, long version, Instant createdAt, Instant updatedAt) implements java.io.Serializable {

    static TenantView of(Tenant t) {
        return new TenantView(t.getSlug(), t.getName(), t.isSsoAllowed(), t.getVersion(), t.getCreatedAt(), t.getUpdatedAt());
    }
}
