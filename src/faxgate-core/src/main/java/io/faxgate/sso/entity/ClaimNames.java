package io.faxgate.sso.entity;

/**
 * Which SAML attribute carries which fact. Defaults are Microsoft Entra's claim URIs; other IdPs (ADFS, Okta,
 * Keycloak) can be mapped per tenant.
 */
public record ClaimNames(String objectId, String email, String groups, String roles) implements java.io.Serializable {

    public static final String ENTRA_OBJECT_ID = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    public static final String ENTRA_EMAIL = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
    public static final String ENTRA_GROUPS = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups";
    public static final String ENTRA_ROLES = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    public static final String ENTRA_NAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    public static final String ENTRA_GIVEN_NAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname";
    public static final String ENTRA_SURNAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname";
    public static final String ENTRA_DISPLAY_NAME = "http://schemas.microsoft.com/identity/claims/displayname";
    public static final String ENTRA_AUTHN_METHODS = "http://schemas.microsoft.com/claims/authnmethodsreferences";
    public static final String ENTRA_GROUPS_OVERAGE = "http://schemas.microsoft.com/claims/groups.link";
    /** The authentication-method reference Entra adds once the user passed multi-factor authentication. */
    public static final String ENTRA_MFA = "http://schemas.microsoft.com/claims/multipleauthn";

    public static ClaimNames entra() {
        return new ClaimNames(ENTRA_OBJECT_ID, ENTRA_EMAIL, ENTRA_GROUPS, ENTRA_ROLES);
    }

    /** Null or blank entries fall back to Entra's names. */
    public static ClaimNames of(String objectId, String email, String groups, String roles) {
        return new ClaimNames(or(objectId, ENTRA_OBJECT_ID), or(email, ENTRA_EMAIL), or(groups, ENTRA_GROUPS), or(roles, ENTRA_ROLES));
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
