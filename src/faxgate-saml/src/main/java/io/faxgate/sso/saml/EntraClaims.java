package io.faxgate.sso.saml;

/** Attribute (claim) names Entra ID puts in SAML assertions. */
public final class EntraClaims {
    private EntraClaims() {
    }

    public static final String EMAIL = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
    /** UPN; display only, not unique. */
    public static final String NAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    public static final String GIVEN_NAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname";
    public static final String SURNAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname";
    /** Stable user id: match users by this. */
    public static final String OBJECT_ID = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    public static final String TENANT_ID = "http://schemas.microsoft.com/identity/claims/tenantid";
    public static final String GROUPS = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups";
    public static final String ROLE = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    public static final String AUTHN_METHODS = "http://schemas.microsoft.com/claims/authnmethodsreferences";
    /** Present instead of {@link #GROUPS} above 150 groups: "no groups claim" then does not mean "no groups". */
    public static final String GROUPS_LINK = "http://schemas.microsoft.com/claims/groups.link";
}
