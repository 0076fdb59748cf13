package io.faxgate.access.boundary;

import io.faxgate.access.entity.RoleMapping;

public record RoleMappingView(long id, String claimValue, String permission) implements java.io.Serializable {

    static RoleMappingView of(RoleMapping m) {
        return new RoleMappingView(m.getId(), m.getClaimValue(), m.getPermission().name());
    }
}
