package io.faxgate.sso.boundary;

import io.faxgate.sso.entity.ClaimNames;
import java.util.List;

/** SSO settings as stored, plus the endpoints Faxgate publishes for this tenant. */
public record SsoSettingsView(
        boolean ssoAllowed,
        boolean enabled,
        String mode,
        String scope,
        String loginEndpoint,
        String clientId,
        List<String> certificates,
        String idpEntityId,
        String effectiveIdpEntityId,
        boolean allowIdpInitiated,
        boolean requireMfa,
        int clockSkewSeconds,
        boolean allowSha1,
        boolean justInTimeUsers,
        ClaimNames claimNames,
        long version,
        String consumeEndpoint,
        String redirectEndpoint,
        String metadataEndpoint,
        String spMetadataUrl,
        String singleLogoutEndpoint,
        List<CertificateDetails> certificateDetails,
        boolean allowAesCbc,
        boolean testedWithCurrentSettings,
        java.time.Instant testedAt,
        String testedBy,
        boolean signAuthnRequests) implements java.io.Serializable {
}
