package io.faxgate.directory.control;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A directory user's app roles, as SCIM provisions them ({@code roles}). The rows belong to the access component
 * (asserted roles, which role mappings turn into permissions); directory declares what it needs here and access
 * implements it ({@code access.control.AssertedRoles}), so the component graph stays one-way.
 */
public interface UserAppRoles {

    int MAX_ROLES = 100;
    int MAX_ROLE_LENGTH = 300;

    /** Role values per user, in a stable (alphabetical) order. */
    Map<Long, List<String>> ofUsers(long tenantId, Collection<Long> userIds);

    default List<String> of(long tenantId, long userId) {
        return ofUsers(tenantId, List.of(userId)).getOrDefault(userId, List.of());
    }

    /**
     * Makes these the user's app roles (within {@link #MAX_ROLES} and {@link #MAX_ROLE_LENGTH}, which the caller
     * checked); whether anything changed.
     */
    boolean replace(long tenantId, long userId, Collection<String> values);
}
