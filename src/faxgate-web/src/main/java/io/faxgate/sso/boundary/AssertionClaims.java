package io.faxgate.sso.boundary;

import io.faxgate.sso.entity.ClaimNames;
import io.faxgate.sso.saml.ValidatedAssertion;
import java.util.List;

/** Reads what an assertion says about the person, with the tenant's claim names. */
final class AssertionClaims {

    private AssertionClaims() {
    }

    static SamlIdentity identity(ValidatedAssertion a, ClaimNames names) {
        String email = a.firstAttribute(names.email()).orElse(null);
        String displayName = a.firstAttribute(ClaimNames.ENTRA_DISPLAY_NAME)
                .or(() -> fullName(a))
                .orElse(null);
        boolean groupsPresent = a.attributes().containsKey(names.groups());
        List<String> groups = a.attribute(names.groups());
        boolean overage = a.attributes().containsKey(ClaimNames.ENTRA_GROUPS_OVERAGE);
        return new SamlIdentity(a.firstAttribute(names.objectId()).orElse(null), a.nameId(), email, displayName,
                groups, groupsPresent, overage, a.attribute(names.roles()), a.attribute(names.mfa()),
                a.assertionId(), a.sessionIndex().orElse(null));
    }

    private static java.util.Optional<String> fullName(ValidatedAssertion a) {
        String given = a.firstAttribute(ClaimNames.ENTRA_GIVEN_NAME).orElse("");
        String surname = a.firstAttribute(ClaimNames.ENTRA_SURNAME).orElse("");
        String full = (given + " " + surname).strip();
        return full.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(full);
    }
}
