package io.faxgate.directory.boundary;

import io.faxgate.directory.entity.DirectoryUser;
import java.time.Instant;

public record DirectoryUserView(long id, String externalId, String userName, String email, String displayName,
                                boolean active, String source, long version, Instant lastSignInAt) implements java.io.Serializable {

    public static DirectoryUserView of(DirectoryUser u) {
        return new DirectoryUserView(u.getId(), u.getExternalId(), u.getUserName(), u.getEmail(), u.getDisplayName(),
                u.isActive(), u.getSource().name(), u.getVersion(), u.getLastSignInAt());
    }
}
