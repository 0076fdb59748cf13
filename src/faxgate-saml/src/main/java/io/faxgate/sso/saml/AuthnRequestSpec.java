package io.faxgate.sso.saml;

import java.util.Optional;

/**
 * What an SP-initiated sign-in request says. Build with {@link #builder()}.
 * The request never carries a {@code <Subject>} (Entra refuses it).
 */
public final class AuthnRequestSpec {

    private final String spEntityId;
    private final String acsUrl;
    private final String idpSsoUrl;
    private final SpCredentials signingKey;
    private final String relayState;
    private final NameIdFormat nameIdFormat;
    private final boolean forceAuthn;

    private AuthnRequestSpec(Builder b) {
        this.spEntityId = Urls.requireText(b.spEntityId, "spEntityId");
        this.acsUrl = Urls.requireAbsoluteUrl(b.acsUrl, "acsUrl");
        this.idpSsoUrl = Urls.requireAbsoluteUrl(b.idpSsoUrl, "idpSsoUrl");
        this.signingKey = b.signingKey;
        this.relayState = b.relayState;
        this.nameIdFormat = b.nameIdFormat == null ? NameIdFormat.UNSPECIFIED : b.nameIdFormat;
        this.forceAuthn = b.forceAuthn;
        if (relayState != null && relayState.length() > 80) {
            // SAML bindings 3.4.3: RelayState MUST NOT exceed 80 bytes
            throw new IllegalArgumentException("relayState must be at most 80 characters (SAML bindings 3.4.3)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String spEntityId() {
        return spEntityId;
    }

    public String acsUrl() {
        return acsUrl;
    }

    public String idpSsoUrl() {
        return idpSsoUrl;
    }

    public Optional<SpCredentials> signingKey() {
        return Optional.ofNullable(signingKey);
    }

    public Optional<String> relayState() {
        return Optional.ofNullable(relayState);
    }

    public NameIdFormat nameIdFormat() {
        return nameIdFormat;
    }

    public boolean forceAuthn() {
        return forceAuthn;
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
            return new AuthnRequestSpec(this);
        }
    }
}
