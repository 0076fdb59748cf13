package io.faxgate.sso.saml;

/**
 * What an SP-initiated sign-in request says. Build with {@link #builder()}.
 * The request never carries a {@code <Subject>} (Entra refuses it).
 */
public record AuthnRequestSpec(String spEntityId, String acsUrl, String idpSsoUrl, SpCredentials signingKey, String relayState,
                               NameIdFormat nameIdFormat, boolean forceAuthn) {

    /** {@code signingKey} and {@code relayState} may be null (unsigned; no RelayState); the name-id format defaults to unspecified. */
    public AuthnRequestSpec {
        Urls.requireText(spEntityId, "spEntityId");
        Urls.requireAbsoluteUrl(acsUrl, "acsUrl");
        Urls.requireAbsoluteUrl(idpSsoUrl, "idpSsoUrl");
        nameIdFormat = nameIdFormat == null ? NameIdFormat.UNSPECIFIED : nameIdFormat;
        if (relayState != null && relayState.length() > 80) {
            // SAML bindings 3.4.3: RelayState MUST NOT exceed 80 bytes
            throw new IllegalArgumentException("relayState must be at most 80 characters (SAML bindings 3.4.3)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String spEntityId;
        private String acsUrl;
        private String idpSsoUrl;
        private SpCredentials signingKey;
        private String relayState;
        private NameIdFormat nameIdFormat;
        private boolean forceAuthn;

        private Builder() {
        }

        /** Our entity id, for Entra the App ID URI {@code api://{clientId}}; Entra checks it against "Expose an API". */
        public Builder spEntityId(String v) {
            this.spEntityId = v;
            return this;
        }

        /** Our Assertion Consumer Service URL (must equal the Reply URL registered in Entra, case and slash included). */
        public Builder acsUrl(String v) {
            this.acsUrl = v;
            return this;
        }

        /** IdP SSO URL, e.g. {@code https://login.microsoftonline.com/{tenantId}/saml2}. */
        public Builder idpSsoUrl(String v) {
            this.idpSsoUrl = v;
            return this;
        }

        /** Signs the redirect query (RSA-SHA256, SAML bindings 3.4.4.1) when set. */
        public Builder signWith(SpCredentials v) {
            this.signingKey = v;
            return this;
        }

        public Builder relayState(String v) {
            this.relayState = v;
            return this;
        }

        public Builder nameIdFormat(NameIdFormat v) {
            this.nameIdFormat = v;
            return this;
        }

        public Builder forceAuthn(boolean v) {
            this.forceAuthn = v;
            return this;
        }

        public AuthnRequestSpec build() {
            return new AuthnRequestSpec(spEntityId, acsUrl, idpSsoUrl, signingKey, relayState, nameIdFormat, forceAuthn);
        }
    }
}
