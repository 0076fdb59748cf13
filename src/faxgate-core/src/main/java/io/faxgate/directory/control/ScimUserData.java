package io.faxgate.directory.control;

import io.faxgate.directory.entity.DirectorySource;
import java.io.Serializable;
import java.util.List;

/**
 * A user as a SCIM client describes it (POST, PUT, or the result of a PATCH), already mapped from SCIM JSON.
 * {@code source} null keeps the user's current source (PATCH); {@code roles} (app role values) null keeps the user's
 * app roles — a client that does not manage roles never clears them by leaving them out. {@code attributes}: the
 * attributes of the User schemas Faxgate keeps as sent without using them (a JSON object; null: none) — a PUT
 * replaces them like every other attribute.
 */
public record ScimUserData(String userName, String externalId, String displayName, String givenName,
                           String familyName, String email, boolean active, DirectorySource source, List<String> roles,
                           String attributes)
        implements Serializable {

    public ScimUserData(String userName, String externalId, String displayName, String givenName, String familyName,
                        String email, boolean active, DirectorySource source, List<String> roles) {
        this(userName, externalId, displayName, givenName, familyName, email, active, source, roles, null);
    }

    public ScimUserData(String userName, String externalId, String displayName, String givenName, String familyName,
                        String email, boolean active, DirectorySource source) {
        this(userName, externalId, displayName, givenName, familyName, email, active, source, null, null);
    }
}
