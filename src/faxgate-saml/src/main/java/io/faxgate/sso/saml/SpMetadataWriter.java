package io.faxgate.sso.saml;

/** Writes our SAML SP metadata (what admins upload to Entra or give to another IdP). */
public interface SpMetadataWriter {

    /** An EntityDescriptor with one SPSSODescriptor, enveloped-signed with the SP key (RSA-SHA256). */
    String spMetadata(SpMetadataSpec spec);
}
