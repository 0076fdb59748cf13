package io.faxgate.sso.entity;

import io.faxgate.platform.entity.TenantOwned;
import io.faxgate.platform.entity.VersionedEntity;
import jakarta.persistence.Column;
import io.faxgate.platform.entity.AccessChangeListener;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's connection to its identity provider (Microsoft Entra ID by default), as the admin entered it. */
@Entity
@EntityListeners(AccessChangeListener.class)
@Table(name = "sso_settings")
@NamedQuery(name = SsoSettings.OF_TENANT, query = "select s from SsoSettings s where s.tenantId = :tenantId")
public class SsoSettings extends VersionedEntity implements TenantOwned {

    public static final String OF_TENANT = "SsoSettings.ofTenant";
    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 180;
    public static final int MAX_CLOCK_SKEW_SECONDS = 300;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SsoMode mode = SsoMode.AUTHENTICATION_ONLY;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SsoScope scope = SsoScope.BOTH;

    @Column(name = "login_endpoint")
    private String loginEndpoint;

    @Column(name = "client_id")
    private String clientId;

    /** Explicit IdP issuer for non-Entra IdPs; when null the Entra issuer is derived from the login endpoint. */
    @Column(name = "idp_entity_id")
    private String idpEntityId;

    @Column(name = "primary_certificate")
    private String primaryCertificate;

    @Column(name = "secondary_certificate")
    private String secondaryCertificate;

    @Column(name = "allow_idp_initiated", nullable = false)
    private boolean allowIdpInitiated;

    @Column(name = "require_mfa", nullable = false)
    private boolean requireMfa;

    @Column(name = "allow_sha1", nullable = false)
    private boolean allowSha1;

    /** Create users at first sign-in; off when the tenant wants users to come from directory sync only. */
    @Column(name = "just_in_time_users", nullable = false)
    private boolean justInTimeUsers = true;

    @Column(name = "clock_skew_seconds", nullable = false)
    private int clockSkewSeconds = DEFAULT_CLOCK_SKEW_SECONDS;

    /** Accept AES-CBC token encryption (Entra's); off by default: AES-CBC in XML-Enc allows padding-oracle attacks. */
    @Column(name = "allow_aes_cbc", nullable = false)
    private boolean allowAesCbc;

    /** Sign AuthnRequests with the tenant's SP signing key (for IdPs set to require signed requests). */
    @Column(name = "sign_authn_requests", nullable = false)
    private boolean signAuthnRequests;

    @Column(name = "claim_object_id")
    private String claimObjectId;

    @Column(name = "claim_email")
    private String claimEmail;

    @Column(name = "claim_groups")
    private String claimGroups;

    @Column(name = "claim_roles")
    private String claimRoles;

    @Column(name = "claim_mfa")
    private String claimMfa;

    @Column(name = "mfa_value")
    private String mfaValue;

    /** {@link SsoConfiguration#connectionFingerprint()} of the settings a test sign-in last passed with; null: none. */
    @Column(name = "tested_fingerprint")
    private String testedFingerprint;

    @Column(name = "tested_at")
    private Instant testedAt;

    @Column(name = "tested_by")
    private String testedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SsoSettings() {
    }

    public SsoSettings(long tenantId, Instant now) {
        this.tenantId = tenantId;
        this.updatedAt = now;
    }

    /** Replaces every admin-editable field at once: a settings save is all-or-nothing. */
    public void replace(SsoConfiguration c, Instant now) {
        this.enabled = c.enabled();
        this.mode = c.mode();
        this.scope = c.scope();
        this.loginEndpoint = c.loginEndpoint();
        this.clientId = c.clientId();
        this.idpEntityId = c.idpEntityId();
        this.primaryCertificate = c.primaryCertificate();
        this.secondaryCertificate = c.secondaryCertificate();
        this.allowIdpInitiated = c.allowIdpInitiated();
        this.requireMfa = c.requireMfa();
        this.allowSha1 = c.allowSha1();
        this.justInTimeUsers = c.justInTimeUsers();
        this.clockSkewSeconds = c.clockSkewSeconds();
        this.allowAesCbc = c.allowAesCbc();
        this.signAuthnRequests = c.signAuthnRequests();
        ClaimNames claims = c.claimNames();
        this.claimObjectId = customOnly(claims.objectId(), ClaimNames.ENTRA_OBJECT_ID);
        this.claimEmail = customOnly(claims.email(), ClaimNames.ENTRA_EMAIL);
        this.claimGroups = customOnly(claims.groups(), ClaimNames.ENTRA_GROUPS);
        this.claimRoles = customOnly(claims.roles(), ClaimNames.ENTRA_ROLES);
        this.claimMfa = customOnly(claims.mfa(), ClaimNames.ENTRA_AUTHN_METHODS);
        this.mfaValue = customOnly(claims.mfaValue(), ClaimNames.ENTRA_MFA);
        this.updatedAt = now;
    }

    public SsoConfiguration configuration() {
        return new SsoConfiguration(enabled, mode, scope, loginEndpoint, clientId, idpEntityId, primaryCertificate,
                secondaryCertificate, allowIdpInitiated, requireMfa, allowSha1, justInTimeUsers, clockSkewSeconds,
                ClaimNames.of(claimObjectId, claimEmail, claimGroups, claimRoles, claimMfa, mfaValue), allowAesCbc, signAuthnRequests);
    }

    /** A test sign-in passed with these settings (identified by their connection fingerprint). */
    public void tested(String fingerprint, String by, Instant at) {
        this.testedFingerprint = fingerprint;
        this.testedBy = by;
        this.testedAt = at;
    }

    /** True when the last passed test sign-in used exactly the connection settings saved now. */
    public boolean testedAsSaved() {
        return testedFingerprint != null && testedFingerprint.equals(configuration().connectionFingerprint());
    }

    public String getTestedFingerprint() {
        return testedFingerprint;
    }

    public Instant getTestedAt() {
        return testedAt;
    }

    public String getTestedBy() {
        return testedBy;
    }

    /** Entra's names are stored as null, so a future change of default reaches every tenant that kept it. */
    private static String customOnly(String name, String entraDefault) {
        return name == null || name.equals(entraDefault) ? null : name;
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
