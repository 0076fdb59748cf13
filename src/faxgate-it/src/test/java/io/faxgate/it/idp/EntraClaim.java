package io.faxgate.it.idp;

import java.util.EnumSet;
import java.util.Set;

/**
 * The SAML attributes Microsoft Entra ID sends, by their exact Attribute Name (see shared/ENTRA.md). Each constant
 * becomes one Keycloak protocol mapper on a client registered by {@link KeycloakIdp#registerSamlClient}.
 */
public enum EntraClaim {
    /** User property {@code email}. */
    EMAIL_ADDRESS("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"),
    /** User property {@code username} (Entra: the UPN; display only, not unique). */
    NAME("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"),
    /** User property {@code firstName}. */
    GIVEN_NAME("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"),
    /** User property {@code lastName}. */
    SURNAME("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"),
    /** User attribute {@code objectidentifier} (a GUID): the stable user id. */
    OBJECT_IDENTIFIER("http://schemas.microsoft.com/identity/claims/objectidentifier"),
    /** Hardcoded: the client's tenant GUID ({@link SamlClientSpec#tenantId()}). */
    TENANT_ID("http://schemas.microsoft.com/identity/claims/tenantid"),
    /** Group membership, group names only (name the Keycloak groups by GUID), all values in ONE Attribute. */
    GROUPS("http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"),
    /** Role list (the client's own roles = Entra app roles, plus realm roles scope-mapped to it), ONE Attribute. */
    ROLE("http://schemas.microsoft.com/ws/2008/06/identity/claims/role"),
    /** Hardcoded ({@link SamlClientSpec#authnMethodsReference()}), e.g. {@code http://schemas.microsoft.com/claims/multipleauthn}. */
    AUTHN_METHODS_REFERENCES("http://schemas.microsoft.com/claims/authnmethodsreferences"),
    /** Hardcoded ({@link SamlClientSpec#groupsLink()}): what Entra sends INSTEAD of groups above 150 groups. */
    GROUPS_LINK("http://schemas.microsoft.com/claims/groups.link");

    /** What a default Entra enterprise app (with the email and groups claims added) sends. */
    public static final Set<EntraClaim> ENTRA_DEFAULTS = Set.copyOf(EnumSet.complementOf(EnumSet.of(GROUPS_LINK)));

    /** Groups overage: the groups claim is dropped and the groups.link claim sent instead. */
    public static final Set<EntraClaim> GROUPS_OVERAGE = Set.copyOf(EnumSet.complementOf(EnumSet.of(GROUPS)));

    private final String attributeName;

    EntraClaim(String attributeName) {
        this.attributeName = attributeName;
    }

    /** The SAML Attribute Name, exactly as Entra sends it. */
    public String attributeName() {
        return attributeName;
    }
}
