package io.faxgate.directory.boundary;

import io.faxgate.directory.control.ScimUserData;

import io.faxgate.directory.entity.DirectoryUser;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A user as SCIM returns it, with their app roles. */
public record ScimUserRecord(long id, long version, ScimUserData data, Instant created, Instant lastModified)
        implements Serializable {

    public static ScimUserRecord of(DirectoryUser u, List<String> roles) {
        return new ScimUserRecord(u.getId(), u.getVersion(), new ScimUserData(u.getUserName(), u.getExternalId(),
                u.getDisplayName(), u.getGivenName(), u.getFamilyName(), u.getEmail(), u.isActive(), u.getSource(),
                List.copyOf(roles), u.getScimAttributes()), u.getCreatedAt(), u.getUpdatedAt());
    }
}
