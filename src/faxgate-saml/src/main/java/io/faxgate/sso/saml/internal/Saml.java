package io.faxgate.sso.saml.internal;

/** Namespaces and URIs. Internal. */
public final class Saml {
    private Saml() {
    }

    public static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XENC_NS = "http://www.w3.org/2001/04/xmlenc#";
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    public static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public static final String STATUS_RESPONDER = "urn:oasis:names:tc:SAML:2.0:status:Responder";
    public static final String CM_BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    public static final String BINDING_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public static final String BINDING_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
}
