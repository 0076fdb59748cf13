package io.faxgate.directory.boundary;

import io.faxgate.directory.entity.SecurityGroup;

public record SecurityGroupView(long id, String externalId, String displayName, String source, long version) implements java.io.Serializable {

    public static SecurityGroupView of(SecurityGroup g) {
        return new SecurityGroupView(g.getId(), g.getExternalId(), g.getDisplayName(), g.getSource().name(), g.getVersion());
    }
}
