package io.faxgate.directory.boundary;

import io.faxgate.directory.entity.DirectorySource;
import java.io.Serializable;

/**
 * A user as a SCIM client describes it (POST, PUT, or the result of a PATCH), already mapped from SCIM JSON.
 * {@code source} null keeps the user's current source (PATCH).
 */
public record ScimUserData(String userName, String externalId, String displayName, String givenName,
                           String familyName, String email, boolean active, DirectorySource source) implements Serializable {
}
