package io.faxgate.sso.control;

import java.util.List;

/**
 * What an admin or automation sends to save SSO settings (PUT /api/v1/tenants/{slug}/sso). Plain strings, so that
 * a wrong enum value is reported against its field instead of failing JSON binding.
 */
public record SsoSettingsRequest(
        Boolean enabled,
        String mode,
        String scope,
        String loginEndpoint,
        String clientId,
        List<String> certificates,
        String idpEntityId,
        Boolean allowIdpInitiated,
        Boolean requireMfa,
        Integer clockSkewSeconds,
        Boolean allowSha1,
        Boolean justInTimeUsers,
        ClaimNamesRequest claimNames,
        Long version,
        Boolean allowAesCbc,
        Boolean enforceUntested,
        /** Sign AuthnRequests (Entra: "require verification certificates"); default off. */
        Boolean signAuthnRequests) {

    // One constructor only: JSON-B binds records through their single (canonical) constructor.

    /** Optional; a missing or blank name means Microsoft Entra's claim URI (for {@code mfa}/{@code mfaValue}: Entra's MFA claim). */
    public record ClaimNamesRequest(String objectId, String email, String groups, String roles, String mfa, String mfaValue) {
    }
}
