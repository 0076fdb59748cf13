package io.faxgate.tenant.control;

import java.util.Optional;

/**
 * Resolves a principal name to its {@link CallerScope} as of now; empty when the caller is no longer known
 * (disabled, deactivated, deleted). Declared here and implemented by the access component (which knows accounts,
 * users and permissions), so that tenant isolation sits low in the component graph and every component may use it.
 */
public interface CallerScopes {

    Optional<CallerScope> of(String principalName);
}
