package io.faxgate.it.idp;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to register one Faxgate tenant as a SAML client of the test IdP. Defaults copy an Entra enterprise app:
 * assertion signed, response not signed, RSA-SHA256, NameID = email (forced), unsigned AuthnRequests accepted,
 * front-channel logout by redirect to the SLO URL, IdP-initiated SSO under the tenant slug, all
 * {@link EntraClaim#ENTRA_DEFAULTS} claims. Immutable: every {@code with…} returns a copy.
 */
public final class SamlClientSpec {

    /** The tenant GUID the {@link EntraClaim#TENANT_ID} claim carries unless {@link #withTenantId} says otherwise. */
    public static final String DEFAULT_TENANT_ID = "7c1f3a52-9e4b-4d8a-b6f0-2a5d8e9c1b34";
    public static final String MULTIPLE_AUTHN = "http://schemas.microsoft.com/claims/multipleauthn";

    private final String slug;
    private final String clientId;
    private final String acsUrl;
    private final String sloUrl;
    private final String spSigningCertificatePem;
    private final boolean responseSigned;
    private final boolean assertionSigned;
    private final String signatureAlgorithm;
    private final Set<EntraClaim> claims;
    private final String tenantId;
    private final String authnMethodsReference;
    private final String groupsLink;
    private final String idpInitiatedRelayState;
    /** Set only on fresh copies by {@link #withEncryptedAssertions}; never changed afterwards. */
    private String encryptionCertificatePem;
    private String encryptionAlgorithm;

    private SamlClientSpec(String slug, String clientId, String acsUrl, String sloUrl, String spSigningCertificatePem,
            boolean responseSigned, boolean assertionSigned, String signatureAlgorithm, Set<EntraClaim> claims,
            String tenantId, String authnMethodsReference, String groupsLink, String idpInitiatedRelayState) {
        this.slug = Objects.requireNonNull(slug, "slug");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.acsUrl = Objects.requireNonNull(acsUrl, "acsUrl");
        this.sloUrl = sloUrl;
        this.spSigningCertificatePem = spSigningCertificatePem;
        this.responseSigned = responseSigned;
        this.assertionSigned = assertionSigned;
        this.signatureAlgorithm = Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        this.claims = Set.copyOf(claims);
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.authnMethodsReference = Objects.requireNonNull(authnMethodsReference, "authnMethodsReference");
        this.groupsLink = groupsLink;
        this.idpInitiatedRelayState = idpInitiatedRelayState;
    }

    /** A client for tenant {@code slug}, entity id {@code api://{clientId}}, with explicit ACS and SLO URLs. */
    public static SamlClientSpec of(String slug, String clientId, String acsUrl, String sloUrl) {
        return new SamlClientSpec(slug, clientId, acsUrl, sloUrl, null, false, true, "RSA_SHA256",
                EntraClaim.ENTRA_DEFAULTS, DEFAULT_TENANT_ID, MULTIPLE_AUTHN, null, null);
    }

    /** A client for tenant {@code slug} on a Faxgate at {@code faxgateBaseUrl}: ACS {@code /sso/{slug}/acs}, SLO {@code /sso/{slug}/slo}. */
    public static SamlClientSpec forFaxgate(String faxgateBaseUrl, String slug, String clientId) {
        String base = faxgateBaseUrl.endsWith("/") ? faxgateBaseUrl.substring(0, faxgateBaseUrl.length() - 1) : faxgateBaseUrl;
        return of(slug, clientId, base + "/sso/" + slug + "/acs", base + "/sso/" + slug + "/slo");
    }

    private SamlClientSpec copy(String acs, String slo, String spCert, boolean respSigned, boolean assSigned, String alg,
            Set<EntraClaim> cl, String tenant, String amr, String link, String relay) {
        SamlClientSpec copy = new SamlClientSpec(slug, clientId, acs, slo, spCert, respSigned, assSigned, alg, cl, tenant, amr, link, relay);
        copy.encryptionCertificatePem = encryptionCertificatePem;
        copy.encryptionAlgorithm = encryptionAlgorithm;
        return copy;
    }

    /**
     * Entra's "token encryption": Keycloak encrypts the assertion for this certificate (PEM, e.g. the SP's encryption
     * certificate from its metadata) with RSA-OAEP key transport and the given content algorithm (an XML-Enc URI,
     * e.g. {@code http://www.w3.org/2009/xmlenc11#aes256-gcm}; Entra uses AES-256-CBC).
     */
    public SamlClientSpec withEncryptedAssertions(String certificatePem, String contentAlgorithm) {
        SamlClientSpec copy = copy(acsUrl, sloUrl, spSigningCertificatePem, responseSigned, assertionSigned, signatureAlgorithm, claims, tenantId, authnMethodsReference, groupsLink, idpInitiatedRelayState);
        copy.encryptionCertificatePem = Objects.requireNonNull(certificatePem, "certificatePem");
        copy.encryptionAlgorithm = Objects.requireNonNull(contentAlgorithm, "contentAlgorithm");
        return copy;
    }

    public boolean encryptedAssertions() {
        return encryptionCertificatePem != null;
    }

    public String encryptionCertificatePem() {
        return encryptionCertificatePem;
    }

    public String encryptionAlgorithm() {
        return encryptionAlgorithm;
    }

    public SamlClientSpec withAcsUrl(String url) {
        return copy(url, sloUrl, spSigningCertificatePem, responseSigned, assertionSigned, signatureAlgorithm, claims, tenantId, authnMethodsReference, groupsLink, idpInitiatedRelayState);
    }

    /** {@code null}: no SLO URL (then Keycloak does not log this client out). */
    public SamlClientSpec withSloUrl(String url) {
        return copy(acsUrl, url, spSigningCertificatePem, responseSigned, assertionSigned, signatureAlgorithm, claims, tenantId, authnMethodsReference, groupsLink, idpInitiatedRelayState);
    }

    /**
     * Like Entra's "require signed AuthnRequests": Keycloak then refuses AuthnRequests (and logout requests) not signed
     * by the key of this certificate (PEM, with or without armour). {@code null} = not required (the default).
     */
    public SamlClientSpec withSignedRequestsRequired(String spSigningCertificatePem) {
        return copy(acsUrl, sloUrl, spSigningCertificatePem, responseSigned, assertionSigned, signatureAlgorithm, claims, tenantId, authnMethodsReference, groupsLink, idpInitiatedRelayState);
    }

    /** Entra's signing option: "assertion" (default: true, false), "response" (false, true), "response and assertion" (true, true). */
    public SamlClientSpec withSigning(boolean signAssertion, boolean signResponse) {
        return copy(acsUrl, sloUrl, spSigningCertificatePem, signResponse, signAssertion, signatureAlgorithm, claims, tenantId, authnMethodsReference, groupsLink, idpInitiatedRelayState);
    }

    /** Keycloak's names: {@code RSA_SHA256} (default), {@code RSA_SHA1} (Entra's insecure option), {@code RSA_SHA512}… */
    public SamlClientSpec withSignatureAlgorithm(String keycloakAlgorithm) {
        return copy(acsUrl, sloUrl, spSigningCertificatePem, responseSigned, assertionSigned, keycloakAlgorithm, claims, tenantId, authnMethodsReference, groupsLink, idpInitiatedRelayState);
    }

    public SamlClientSpec withClaims(Set<EntraClaim> newClaims) {
        return copy(acsUrl, sloUrl, spSigningCertificatePem, responseSigned, assertionSigned, signatureAlgorithm, newClaims, tenantId, authnMethodsReference, groupsLink, idpInitiatedRelayState);
    }

    public SamlClientSpec withClaim(EntraClaim claim) {
        EnumSet<EntraClaim> set = claims.isEmpty() ? EnumSet.noneOf(EntraClaim.class) : EnumSet.copyOf(claims);
        set.add(claim);
        return withClaims(set);
    }

    public SamlClientSpec withoutClaim(EntraClaim claim) {
        EnumSet<EntraClaim> set = claims.isEmpty() ? EnumSet.noneOf(EntraClaim.class) : EnumSet.copyOf(claims);
        set.remove(claim);
        return withClaims(set);
    }

    /** Groups overage: no groups claim; {@code groups.link} with {@link #groupsLink()} instead. */
    public SamlClientSpec withGroupsOverage() {
        return withoutClaim(EntraClaim.GROUPS).withClaim(EntraClaim.GROUPS_LINK);
    }

    public SamlClientSpec withTenantId(String tenantGuid) {
        return copy(acsUrl, sloUrl, spSigningCertificatePem, responseSigned, assertionSigned, signatureAlgorithm, claims, tenantGuid, authnMethodsReference, groupsLink, idpInitiatedRelayState);
    }

    public SamlClientSpec withAuthnMethodsReference(String value) {
        return copy(acsUrl, sloUrl, spSigningCertificatePem, responseSigned, assertionSigned, signatureAlgorithm, claims, tenantId, value, groupsLink, idpInitiatedRelayState);
    }

    public SamlClientSpec withGroupsLink(String url) {
        return copy(acsUrl, sloUrl, spSigningCertificatePem, responseSigned, assertionSigned, signatureAlgorithm, claims, tenantId, authnMethodsReference, url, idpInitiatedRelayState);
    }

    /** RelayState Keycloak sends with IdP-initiated responses ({@code null}: none, as from Entra's My Apps). */
    public SamlClientSpec withIdpInitiatedRelayState(String relayState) {
        return copy(acsUrl, sloUrl, spSigningCertificatePem, responseSigned, assertionSigned, signatureAlgorithm, claims, tenantId, authnMethodsReference, groupsLink, relayState);
    }

    public String slug() {
        return slug;
    }

    public String clientId() {
        return clientId;
    }

    /** The SP entity id = the Audience Keycloak puts in the assertion: {@code api://{clientId}}. */
    public String entityId() {
        return "api://" + clientId;
    }

    public String acsUrl() {
        return acsUrl;
    }

    public String sloUrl() {
        return sloUrl;
    }

    public boolean signedRequestsRequired() {
        return spSigningCertificatePem != null;
    }

    public String spSigningCertificatePem() {
        return spSigningCertificatePem;
    }

    public boolean responseSigned() {
        return responseSigned;
    }

    public boolean assertionSigned() {
        return assertionSigned;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public Set<EntraClaim> claims() {
        return claims;
    }

    public String tenantId() {
        return tenantId;
    }

    public String authnMethodsReference() {
        return authnMethodsReference;
    }

    /** Entra's form: {@code https://graph.windows.net/{tenantId}/users/{userId}/getMemberObjects}; here per client, not per user. */
    public String groupsLink() {
        return groupsLink != null ? groupsLink : "https://graph.windows.net/" + tenantId + "/users/me/getMemberObjects";
    }

    public String idpInitiatedRelayState() {
        return idpInitiatedRelayState;
    }
}
