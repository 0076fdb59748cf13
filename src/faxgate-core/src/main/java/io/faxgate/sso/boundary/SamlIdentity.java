package io.faxgate.sso.boundary;

import java.util.List;

/** What a validated assertion says about the person, already read with the tenant's claim names. */
public record SamlIdentity(
        String objectId,
        String nameId,
        String email,
        String displayName,
        List<String> groups,
        boolean groupsClaimPresent,
        boolean groupsOverage,
        List<String> roles,
        List<String> authnMethods,
        String assertionId,
        String sessionIndex) {

    public SamlIdentity {
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
        authnMethods = List.copyOf(authnMethods);
    }
}
