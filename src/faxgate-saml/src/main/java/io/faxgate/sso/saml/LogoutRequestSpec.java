package io.faxgate.sso.saml;

import java.util.Optional;

/** An SP-initiated LogoutRequest for the user of one sign-in. */
public final class LogoutRequestSpec {

    private final String spEntityId;
    private final String idpSloUrl;
    private final String nameId;
    private final String nameIdFormat;
    private final String sessionIndex;
    private final SpCredentials signingKey;
    private final String relayState;

    private LogoutRequestSpec(Builder b) {
        this.spEntityId = Urls.requireText(b.spEntityId, "spEntityId");
        this.idpSloUrl = Urls.requireAbsoluteUrl(b.idpSloUrl, "idpSloUrl");
        this.nameId = Urls.requireText(b.nameId, "nameId");
        this.nameIdFormat = b.nameIdFormat;
        this.sessionIndex = b.sessionIndex;
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

    public String nameId() {
        return nameId;
    }

    public Optional<String> nameIdFormat() {
        return Optional.ofNullable(nameIdFormat);
    }

    public Optional<String> sessionIndex() {
        return Optional.ofNullable(sessionIndex);
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
            return new LogoutRequestSpec(this);
        }
    }
}
