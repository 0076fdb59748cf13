package io.faxgate.sso.saml;

/** Builds SP-initiated sign-in requests (HTTP-Redirect binding). */
public interface AuthnRequestFactory {

    /**
     * @return the request ID (store it for InResponseTo) and the URL to redirect the browser to
     */
    SamlRedirect authnRequest(AuthnRequestSpec spec);
}
