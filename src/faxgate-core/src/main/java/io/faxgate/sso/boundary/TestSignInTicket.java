package io.faxgate.sso.boundary;

import java.io.Serializable;

/**
 * Handed out when an admin starts "Test sign-in": the tenant and the connection fingerprint of the settings saved at
 * that moment. The web tier keeps it in the admin's own session; the result counts only for these settings.
 */
public record TestSignInTicket(String slug, String fingerprint) implements Serializable {
}
