package io.faxgate.syncagent.scim;

import io.faxgate.syncagent.model.UserProfile;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The customer's Faxgate tenant as the agent needs it. {@link ScimTenantClient} implements it over SCIM 2.0;
 * an end-to-end test against the real Faxgate server only has to point a {@link ScimTenantClient} at it.
 * <p>
 * Every method throws {@link FaxgateUnavailableException} when Faxgate cannot be reached or refuses the token
 * (the run stops) and {@link FaxgateRequestException} when just this request failed (the run continues).
 */
public interface FaxgateTenant extends AutoCloseable {

    Optional<TenantUser> findUser(String externalId);

    /** @return the new user's SCIM id */
    String createUser(String externalId, UserProfile profile);

    void replaceUser(String scimId, String externalId, UserProfile profile);

    /** PATCH {@code active=false}; users are never deleted. */
    void deactivateUser(String scimId);

    Optional<TenantGroup> findGroup(String externalId);

    /** @return the new group's SCIM id; the group is created without members */
    String createGroup(String externalId, String displayName);

    void renameGroup(String scimId, String displayName);

    void addMembers(String groupScimId, List<String> userScimIds);

    void removeMembers(String groupScimId, List<String> userScimIds);

    @Override
    void close();

    /** A user as Faxgate has it. */
    record TenantUser(String id, UserProfile profile) {
    }

    /** A group as Faxgate has it, with the SCIM ids of its members. */
    record TenantGroup(String id, String displayName, Set<String> memberIds) {
    }
}
