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

    /** SSO is switched on for the admin tool (administrators' passwords stop working, break-glass aside). */
    public boolean enforcedForAdminTool() {
        return enabled && scope != SsoScope.WEB_STAFF;
    }

    /**
     * SHA-256 (hex) over every setting a sign-in depends on — not {@code enabled}, scope, mode or user creation:
     * switching SSO on keeps an earlier test valid, changing a certificate or a claim name does not.
     */
    public String connectionFingerprint() {
        String joined = String.join("\u0000", String.valueOf(loginEndpoint), String.valueOf(clientId),
                String.valueOf(idpEntityId), String.valueOf(primaryCertificate), String.valueOf(secondaryCertificate),
                String.valueOf(requireMfa), String.valueOf(allowSha1), String.valueOf(allowAesCbc),
                String.valueOf(clockSkewSeconds), String.valueOf(claimNames));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
