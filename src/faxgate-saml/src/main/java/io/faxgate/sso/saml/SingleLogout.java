package io.faxgate.sso.saml;

/** SAML single logout: what we send and what we accept. */
public interface SingleLogout {

    /** SP-initiated logout: a LogoutRequest for the NameID/SessionIndex of the sign-in (HTTP-Redirect binding). */
    SamlRedirect logoutRequest(LogoutRequestSpec spec);

    /** The IdP's answer to our LogoutRequest. A non-success status is returned, not thrown. */
    ValidatedLogoutResponse validateLogoutResponse(IncomingSamlMessage message, LogoutExpectations expectations)
            throws SamlValidationException;

    /** An IdP-initiated LogoutRequest (another app of the user signed out). */
    ValidatedLogoutRequest validateLogoutRequest(IncomingSamlMessage message, LogoutExpectations expectations)
            throws SamlValidationException;

    /** Our answer to an IdP-initiated LogoutRequest (HTTP-Redirect binding). */
    SamlRedirect logoutResponse(LogoutResponseSpec spec);
}
