package io.faxgate.sso.saml;

import java.util.Optional;

/** Our LogoutResponse to an IdP-initiated LogoutRequest. */
public final class LogoutResponseSpec {

    private final String spEntityId;
    private final String idpSloUrl;
    private final String inResponseTo;
    private final boolean success;
    private final SpCredentials signingKey;
    private final String relayState;

    private LogoutResponseSpec(Builder b) {
        this.spEntityId = Urls.requireText(b.spEntityId, "spEntityId");
        this.idpSloUrl = Urls.requireAbsoluteUrl(b.idpSloUrl, "idpSloUrl");
        this.inResponseTo = Urls.requireText(b.inResponseTo, "inResponseTo");
        this.success = b.success;
        this.signingKey = b.signingKey;
        this.relayState = b.relayState;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String spEntityId() {
        return spEntityId;
    }

    public String idpSloUrl() {
        return idpSloUrl;
    }

    public String inResponseTo() {
        return inResponseTo;
    }

    public boolean success() {
        return success;
    }

    public Optional<SpCredentials> signingKey() {
        return Optional.ofNullable(signingKey);
    }

    public Optional<String> relayState() {
        return Optional.ofNullable(relayState);
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
            return new LogoutResponseSpec(this);
        }
    }
}
