package io.faxgate.sso.saml;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/** Contents of our SP metadata. */
public final class SpMetadataSpec {

    private final String entityId;
    private final String acsUrl;
    private final String sloUrl;
    private final SpCredentials credentials;
    private final X509Certificate encryptionCertificate;
    private final NameIdFormat nameIdFormat;
    private final boolean authnRequestsSigned;

    private SpMetadataSpec(Builder b) {
        this.entityId = Urls.requireText(b.entityId, "entityId");
        this.acsUrl = Urls.requireAbsoluteUrl(b.acsUrl, "acsUrl");
        this.sloUrl = b.sloUrl == null ? null : Urls.requireAbsoluteUrl(b.sloUrl, "sloUrl");
        this.credentials = Objects.requireNonNull(b.credentials, "credentials (the SP key signs the metadata)");
        if (b.encryptionCertificate != null
                && b.encryptionCertificate.getPublicKey().equals(b.credentials.certificate().getPublicKey())) {
            throw new IllegalArgumentException("the encryption key must not be the signing key");
        }
        this.encryptionCertificate = b.encryptionCertificate;
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

    /** Published as {@code <KeyDescriptor use="encryption">}; empty: none published (the IdP then does not encrypt). */
    public Optional<X509Certificate> encryptionCertificate() {
        return Optional.ofNullable(encryptionCertificate);
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
        private X509Certificate encryptionCertificate;
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

        /** The SP signing key: signs the metadata; its certificate is published for use="signing". */
        public Builder credentials(SpCredentials v) {
            this.credentials = v;
            return this;
        }

        /** The certificate of the SP's separate encryption key, published for use="encryption"; must differ. */
        public Builder encryptionCertificate(X509Certificate v) {
            this.encryptionCertificate = v;
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
