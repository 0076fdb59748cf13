package io.faxgate.sso.saml;

/** Our LogoutResponse to an IdP-initiated LogoutRequest. */
public record LogoutResponseSpec(String spEntityId, String idpSloUrl, String inResponseTo, boolean success,
                                 SpCredentials signingKey, String relayState) {

    /** {@code signingKey} and {@code relayState} may be null. */
    public LogoutResponseSpec {
        Urls.requireText(spEntityId, "spEntityId");
        Urls.requireAbsoluteUrl(idpSloUrl, "idpSloUrl");
        Urls.requireText(inResponseTo, "inResponseTo");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String spEntityId;
        private String idpSloUrl;
        private String inResponseTo;
        private boolean success = true;
        private SpCredentials signingKey;
        private String relayState;

        private Builder() {
        }

        public Builder spEntityId(String v) {
            this.spEntityId = v;
            return this;
        }

        public Builder idpSloUrl(String v) {
            this.idpSloUrl = v;
            return this;
        }

        /** {@link ValidatedLogoutRequest#id()}. */
        public Builder inResponseTo(String v) {
            this.inResponseTo = v;
            return this;
        }

        /** Default true (Success); false answers Responder. */
        public Builder success(boolean v) {
            this.success = v;
            return this;
        }

        public Builder signWith(SpCredentials v) {
            this.signingKey = v;
            return this;
        }

        /** The RelayState that came with the LogoutRequest, if any. */
        public Builder relayState(String v) {
            this.relayState = v;
            return this;
        }

        public LogoutResponseSpec build() {
            return new LogoutResponseSpec(spEntityId, idpSloUrl, inResponseTo, success, signingKey, relayState);
        }
    }
}
