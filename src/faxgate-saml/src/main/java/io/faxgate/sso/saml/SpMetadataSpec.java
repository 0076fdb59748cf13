package io.faxgate.sso.saml;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** Contents of our SP metadata. */
public record SpMetadataSpec(String entityId, String acsUrl, String sloUrl, SpCredentials credentials,
                             X509Certificate encryptionCertificate, NameIdFormat nameIdFormat, boolean authnRequestsSigned) {

    /**
     * {@code sloUrl} null: no SingleLogoutService. {@code encryptionCertificate} null: no {@code use="encryption"} key
     * published (the IdP then does not encrypt); else it must not be the signing key. Name-id format defaults to e-mail.
     */
    public SpMetadataSpec {
        Urls.requireText(entityId, "entityId");
        Urls.requireAbsoluteUrl(acsUrl, "acsUrl");
        if (sloUrl != null) {
            Urls.requireAbsoluteUrl(sloUrl, "sloUrl");
        }
        Objects.requireNonNull(credentials, "credentials (the SP key signs the metadata)");
        if (encryptionCertificate != null
                && encryptionCertificate.getPublicKey().equals(credentials.certificate().getPublicKey())) {
            throw new IllegalArgumentException("the encryption key must not be the signing key");
        }
        nameIdFormat = nameIdFormat == null ? NameIdFormat.EMAIL : nameIdFormat;
    }

    public static Builder builder() {
        return new Builder();
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
            return new SpMetadataSpec(entityId, acsUrl, sloUrl, credentials, encryptionCertificate, nameIdFormat, authnRequestsSigned);
        }
    }
}
