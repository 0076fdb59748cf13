package io.faxgate.sso.saml;

/** An SP-initiated LogoutRequest for the user of one sign-in. */
public record LogoutRequestSpec(String spEntityId, String idpSloUrl, String nameId, String nameIdFormat, String sessionIndex,
                                SpCredentials signingKey, String relayState) {

    /** {@code nameIdFormat}, {@code sessionIndex}, {@code signingKey} and {@code relayState} may be null. */
    public LogoutRequestSpec {
        Urls.requireText(spEntityId, "spEntityId");
        Urls.requireAbsoluteUrl(idpSloUrl, "idpSloUrl");
        Urls.requireText(nameId, "nameId");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String spEntityId;
        private String idpSloUrl;
        private String nameId;
        private String nameIdFormat;
        private String sessionIndex;
        private SpCredentials signingKey;
        private String relayState;

        private Builder() {
        }

        public Builder spEntityId(String v) {
            this.spEntityId = v;
            return this;
        }

        /** For Entra the same URL as sign-in: {@code https://login.microsoftonline.com/{tenantId}/saml2}. */
        public Builder idpSloUrl(String v) {
            this.idpSloUrl = v;
            return this;
        }

        /** {@link ValidatedAssertion#nameId()} of the sign-in. */
        public Builder nameId(String v) {
            this.nameId = v;
            return this;
        }

        /** {@link ValidatedAssertion#nameIdFormat()} of the sign-in. */
        public Builder nameIdFormat(String v) {
            this.nameIdFormat = v;
            return this;
        }

        /** {@link ValidatedAssertion#sessionIndex()} of the sign-in. */
        public Builder sessionIndex(String v) {
            this.sessionIndex = v;
            return this;
        }

        public Builder signWith(SpCredentials v) {
            this.signingKey = v;
            return this;
        }

        public Builder relayState(String v) {
            this.relayState = v;
            return this;
        }

        public LogoutRequestSpec build() {
            return new LogoutRequestSpec(spEntityId, idpSloUrl, nameId, nameIdFormat, sessionIndex, signingKey, relayState);
        }
    }
}
