package io.faxgate.sso.saml;

/** NameID format URIs the SP may ask for in an AuthnRequest's NameIDPolicy. */
public enum NameIdFormat {
    UNSPECIFIED("urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"),
    EMAIL("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"),
    PERSISTENT("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"),
    TRANSIENT("urn:oasis:names:tc:SAML:2.0:nameid-format:transient");

    private final String uri;

    NameIdFormat(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }
}
