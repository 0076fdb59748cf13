package io.faxgate.sso.entity;

/** The admin-editable values of {@link SsoSettings}, as one immutable value (validated before it is applied). */
public record SsoConfiguration(
        boolean enabled,
        SsoMode mode,
        SsoScope scope,
        String loginEndpoint,
        String clientId,
        String idpEntityId,
        String primaryCertificate,
        String secondaryCertificate,
        boolean allowIdpInitiated,
        boolean requireMfa,
        boolean allowSha1,
        boolean justInTimeUsers,
        int clockSkewSeconds,
        ClaimNames claimNames,
        boolean allowAesCbc,
        boolean signAuthnRequests) {

    public static SsoConfiguration defaults() {
        return new SsoConfiguration(false, SsoMode.AUTHENTICATION_ONLY, SsoScope.BOTH, null, null, null, null, null,
                false, false, false, true, SsoSettings.DEFAULT_CLOCK_SKEW_SECONDS, ClaimNames.entra(), false, false);
    }

    /** The SP entity id Entra knows us by (the App ID URI set in "Expose an API"). */
    public String spEntityId() {
        return entityIdOf(clientId);
    }

    /** The one place that builds {@code api://{clientId}}; null for no client id. */
    public static String entityIdOf(String clientId) {
        return clientId == null ? null : "api://" + clientId;
    }
}
