package io.faxgate.directory.boundary;

import io.faxgate.directory.entity.DirectorySource;
import java.io.Serializable;
import java.util.List;

/**
 * A user as a SCIM client describes it (POST, PUT, or the result of a PATCH), already mapped from SCIM JSON.
 * {@code source} null keeps the user's current source (PATCH); {@code roles} (app role values) null keeps the user's
 * app roles — a client that does not manage roles never clears them by leaving them out.
 */
public record ScimUserData(String userName, String externalId, String displayName, String givenName,
                           String familyName, String email, boolean active, DirectorySource source, List<String> roles)
        implements Serializable {

    public ScimUserData(String userName, String externalId, String displayName, String givenName, String familyName,
                        String email, boolean active, DirectorySource source) {
        this(userName, externalId, displayName, givenName, familyName, email, active, source, null);
    }
}
