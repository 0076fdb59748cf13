package io.faxgate.sso.entity;

/**
 * Which SAML attribute carries which fact. Defaults are Microsoft Entra's claim URIs; other IdPs (ADFS, Okta,
 * Keycloak) can be mapped per tenant. {@code mfa} names the attribute that lists how the person authenticated, and
 * {@code mfaValue} the value in it that means "multi-factor" (Entra: {@code authnmethodsreferences} /
 * {@code multipleauthn}; ADFS: the same; Okta and Keycloak: whatever the admin maps, e.g. {@code amr} / {@code mfa}).
 */
public record ClaimNames(String objectId, String email, String groups, String roles, String mfa, String mfaValue)
        implements java.io.Serializable {

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

    /** Entra's MFA claim and value. */
    public ClaimNames(String objectId, String email, String groups, String roles) {
        this(objectId, email, groups, roles, ENTRA_AUTHN_METHODS, ENTRA_MFA);
    }

    public static ClaimNames entra() {
        return new ClaimNames(ENTRA_OBJECT_ID, ENTRA_EMAIL, ENTRA_GROUPS, ENTRA_ROLES);
    }

    /** Null or blank entries fall back to Entra's names. */
    public static ClaimNames of(String objectId, String email, String groups, String roles) {
        return of(objectId, email, groups, roles, null, null);
    }

    /** Null or blank entries fall back to Entra's names. */
    public static ClaimNames of(String objectId, String email, String groups, String roles, String mfa, String mfaValue) {
        return new ClaimNames(or(objectId, ENTRA_OBJECT_ID), or(email, ENTRA_EMAIL), or(groups, ENTRA_GROUPS),
                or(roles, ENTRA_ROLES), or(mfa, ENTRA_AUTHN_METHODS), or(mfaValue, ENTRA_MFA));
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
