package io.faxgate.sso.saml;

import java.util.Objects;
import java.util.Optional;

/** Contents of our SP metadata. */
public final class SpMetadataSpec {

    private final String entityId;
    private final String acsUrl;
    private final String sloUrl;
    private final SpCredentials credentials;
    private final NameIdFormat nameIdFormat;
    private final boolean authnRequestsSigned;

    private SpMetadataSpec(Builder b) {
        this.entityId = Urls.requireText(b.entityId, "entityId");
        this.acsUrl = Urls.requireAbsoluteUrl(b.acsUrl, "acsUrl");
        this.sloUrl = b.sloUrl == null ? null : Urls.requireAbsoluteUrl(b.sloUrl, "sloUrl");
        this.credentials = Objects.requireNonNull(b.credentials, "credentials (the SP key signs the metadata)");
        this.nameIdFormat = b.nameIdFormat == null ? NameIdFormat.EMAIL : b.nameIdFormat;
        this.authnRequestsSigned = b.authnRequestsSigned;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String entityId() {
        return entityId;
    }

    public String acsUrl() {
        return acsUrl;
    }

    public Optional<String> sloUrl() {
        return Optional.ofNullable(sloUrl);
    }

    public SpCredentials credentials() {
        return credentials;
    }

    public NameIdFormat nameIdFormat() {
        return nameIdFormat;
    }

    public boolean authnRequestsSigned() {
        return authnRequestsSigned;
    }

    public static final class Builder {
        private String entityId;
        private String acsUrl;
        private String sloUrl;
        private SpCredentials credentials;
        private NameIdFormat nameIdFormat;
        private boolean authnRequestsSigned = true;

        private Builder() {
        }

        public Builder entityId(String v) {
            this.entityId = v;
            return this;
        }

        /** AssertionConsumerService, HTTP-POST binding. */
        public Builder acsUrl(String v) {
            this.acsUrl = v;
            return this;
        }

        /** SingleLogoutService, HTTP-Redirect binding; omitted when null. */
        public Builder sloUrl(String v) {
            this.sloUrl = v;
            return this;
        }

        /** Signs the metadata; its certificate is published for use="signing" and use="encryption". */
        public Builder credentials(SpCredentials v) {
            this.credentials = v;
            return this;
        }

        public Builder nameIdFormat(NameIdFormat v) {
            this.nameIdFormat = v;
            return this;
        }

        /** AuthnRequestsSigned attribute; default true. */
        public Builder authnRequestsSigned(boolean v) {
            this.authnRequestsSigned = v;
            return this;
        }

        public SpMetadataSpec build() {
            return new SpMetadataSpec(this);
        }
    }
}
