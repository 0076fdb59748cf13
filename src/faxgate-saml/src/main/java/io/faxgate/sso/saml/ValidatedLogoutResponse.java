package io.faxgate.sso.saml;

/** An accepted LogoutResponse to one of our LogoutRequests. {@code success} is false for any non-Success status. */
public record ValidatedLogoutResponse(String id, String issuer, String inResponseTo, String statusCode, boolean success,
                                      boolean signed, String relayState) {
}
