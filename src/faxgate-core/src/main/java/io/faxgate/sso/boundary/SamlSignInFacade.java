package io.faxgate.sso.boundary;

import io.faxgate.access.control.AssertedRoles;
import io.faxgate.access.entity.Caller;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.directory.control.DirectoryUsers;
import io.faxgate.directory.control.GroupMembers;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.platform.control.SecretSealer;
import io.faxgate.sso.control.IdpCertificate;
import io.faxgate.sso.control.SignInRecords;
import io.faxgate.sso.control.SignInReport;
import io.faxgate.sso.control.SpEncryptionKey;
import io.faxgate.sso.control.SsoEndpoints;
import io.faxgate.sso.control.TenantSsoSettings;
import io.faxgate.sso.entity.ClaimNames;
import io.faxgate.sso.entity.SignInRecord;
import io.faxgate.sso.entity.SpKeyPair;
import io.faxgate.sso.entity.SpKeyUse;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoSettings;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The core's side of SAML sign-in: it hands the web tier a tenant's SAML configuration, and turns a validated
 * assertion into a Faxgate user (just in time, if allowed), their group memberships and asserted app roles.
 * Called before anyone is signed in, hence {@code @PermitAll}; every outcome is audited.
 */
@Stateless
@PermitAll
public class SamlSignInFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    DirectoryUsers users;

    @Inject
    GroupMembers members;

    @Inject
    AssertedRoles assertedRoles;

    @Inject
    SsoEndpoints endpoints;

    @Inject
    TenantSsoSettings ssoSettings;

    @Inject
    SecretSealer sealer;

    @Inject
    SpEncryptionKey encryptionKeys;

    @Inject
    AuditTrail audit;

    @Inject
    SignInRecords signInRecords;

    @Inject
    Clock clock;

    /** Empty for an unknown tenant; {@code usable=false} while SSO is off, not allowed, or incomplete. */
    public Optional<SamlTenantConfiguration> configuration(String slug) {
        Optional<Tenant> tenant = tenants.bySlug(slug);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        Tenant t = tenant.get();
        Optional<SsoSettings> settings = ssoSettings.of(t.getId());
        Optional<SpKeyPair> spKey = SpEncryptionKey.active(em, t.getId(), SpKeyUse.SIGNING);
        SpKeyPair encryptionKey = SpEncryptionKey.active(em, t.getId(), SpKeyUse.ENCRYPTION)
                .orElseGet(() -> encryptionKeys.ensureFor(t.getId()));
        SsoConfiguration c = settings.map(SsoSettings::configuration).orElse(SsoConfiguration.defaults());
        String issuer = SsoSettingsFacade.effectiveIssuer(c);
        List<String> certificates = Stream.of(c.primaryCertificate(), c.secondaryCertificate()).filter(p -> p != null).toList();
        boolean usable = t.isSsoAllowed() && c.enabled() && c.loginEndpoint() != null && c.clientId() != null
                && issuer != null && !certificates.isEmpty() && spKey.isPresent();
        return Optional.of(new SamlTenantConfiguration(slug, settings.map(SsoSettings::getVersion).orElse(0L), usable,
                c.loginEndpoint(), c.spEntityId(), issuer, certificates, c.allowIdpInitiated(), c.allowSha1(),
                c.clockSkewSeconds(), c.claimNames(), endpoints.consume(slug), endpoints.singleLogout(slug),
                spKey.map(SpKeyPair::getCertificatePem).orElse(null),
                spKey.map(k -> sealer.open(k.getSealedPrivateKey())).orElse(null),
                encryptionKey.getCertificatePem(), sealer.open(encryptionKey.getSealedPrivateKey()), c.allowAesCbc(),
                c.signAuthnRequests()));
    }

    /**
     * What a SAML session of this tenant may still rest on: the SHA-256 thumbprints of the IdP certificates trusted
     * now. Empty when the tenant's SSO is switched off or the operator no longer allows it — every SAML session of
     * the tenant then ends on its next request (see the web tier's SessionTrust).
     */
    public Optional<Set<String>> trustedCertificates(String slug) {
        Optional<Tenant> tenant = tenants.bySlug(slug);
        if (tenant.isEmpty() || !tenant.get().isSsoAllowed()) {
            return Optional.empty();
        }
        SsoConfiguration c = ssoSettings.configurationOf(tenant.get().getId());
        if (!c.enabled()) {
            return Optional.empty();
        }
        return Optional.of(thumbprints(Stream.of(c.primaryCertificate(), c.secondaryCertificate()).filter(p -> p != null).toList()));
    }

    /** The certificates' SHA-256 thumbprints (one rule for sign-in time and for every later check). */
    public static Set<String> thumbprints(List<String> certificatesPem) {
        return certificatesPem.stream().map(p -> IdpCertificate.parse(p).thumbprintSha256())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * Signs the person in; the principal name on success.
     *
     * @throws SignInRefusedException with a stable reason code (audited) when Faxgate's rules refuse the person
     */
    public String signIn(String slug, SamlIdentity identity, String sourceIp) {
        Tenant tenant = tenants.bySlug(slug).orElseThrow(() -> new SignInRefusedException("UNKNOWN_TENANT", "unknown tenant"));
        SsoConfiguration settings = ssoSettings.configurationOf(tenant.getId());
        if (!tenant.isSsoAllowed() || !settings.enabled()) {
            throw refuse(tenant, identity, sourceIp, "SSO_DISABLED", "single sign-on is not enabled for this company");
        }
        if (identity.objectId() == null || identity.objectId().isBlank()) {
            throw refuse(tenant, identity, sourceIp, "MISSING_OBJECT_ID", "the identity provider sent no object id claim ("
                    + settings.claimNames().objectId() + ")");
        }
        if (settings.requireMfa() && !identity.authnMethods().contains(settings.claimNames().mfaValue())) {
            throw refuse(tenant, identity, sourceIp, "MFA_REQUIRED", "your company requires multi-factor authentication;"
                    + " the identity provider did not report it for this sign-in");
        }
        Instant now = clock.instant();
        DirectoryUser user = findOrCreate(tenant, settings, identity, now, sourceIp);
        if (!user.isActive()) {
            throw refuse(tenant, identity, sourceIp, "USER_DEACTIVATED", "your Faxgate account is deactivated");
        }
        // Only what changed is written (memberships, roles, the user's details): a person signing in again with the same
        // claims changes no row that decides access, so nobody's remembered access decision is voided (AccessEpoch).
        reconcileGroups(tenant, user, identity);
        assertedRoles.asserted(tenant.getId(), user.getId(), identity.roles());
        users.signedIn(user, now);
        String principal = Caller.userPrincipal(user.getId());
        // In the sign-in's own transaction: committed together with it (one commit, not two), never without it.
        audit.recordAs(tenant.getId(), principal, AuditTypes.SAML_SIGN_IN, AuditOutcome.SUCCESS,
                user.getUserName(), "assertion " + identity.assertionId() + ", groups " + identity.groups().size()
                        + (identity.groupsOverage() ? " (overage)" : "") + ", roles " + identity.roles(), sourceIp);
        return principal;
    }

    /** A response that failed validation (signature, audience, replay…): audited with its typed reason. */
    public void recordRejectedResponse(String slug, String reason, String detail, String sourceIp) {
        Long tenantId = tenants.bySlug(slug).map(Tenant::getId).orElse(null);
        audit.recordIndependently(tenantId, AuditTrail.ANONYMOUS, AuditTypes.SAML_SIGN_IN, AuditOutcome.FAILURE,
                reason, detail, sourceIp);
    }

    /**
     * What a refused real sign-in carried, for the tenant's sign-in debugger (displayable fields only, bounded per
     * tenant). Unknown tenants leave nothing.
     */
    public void recordRefusedSignIn(String slug, SignInReport report) {
        tenants.bySlug(slug).ifPresent(t -> signInRecords.add(t.getId(), SignInRecord.Kind.REFUSED, clock.instant(),
                null, report, ssoSettings.configurationOf(t.getId()).connectionFingerprint()));
    }

    public void recordSignOut(String slug, String principal, String detail) {
        Long tenantId = tenants.bySlug(slug).map(Tenant::getId).orElse(null);
        audit.recordIndependently(tenantId, principal, AuditTypes.SAML_SIGN_OUT, AuditOutcome.SUCCESS, principal, detail, null);
    }

    private DirectoryUser findOrCreate(Tenant tenant, SsoConfiguration settings, SamlIdentity identity, Instant now,
                                       String sourceIp) {
        String email = identity.email() != null ? identity.email() : identity.nameId();
        // Locked until commit: concurrent sign-ins of one person (two tabs, a double click) take turns on the row
        // instead of one of them failing on the version check. Different people never wait for each other.
        Optional<DirectoryUser> existing = users.byExternalIdLocked(tenant.getId(), identity.objectId());
        if (existing.isPresent()) {
            users.describedByIdp(existing.get(), email, identity.displayName(), now);
            return existing.get();
        }
        if (!settings.justInTimeUsers()) {
            throw refuse(tenant, identity, sourceIp, "USER_NOT_PROVISIONED", "your account has not been provisioned to"
                    + " Faxgate yet; ask your administrator to assign you to the Faxgate application");
        }
        String userName = email != null ? email : identity.objectId();
        // Matched by object id only, never by name: Bob@x signing in with another object id than the existing bob@x
        // is refused, not merged — merging by name would let one directory identity take over another's user.
        if (users.userNameTaken(tenant.getId(), userName, -1)) {
            // The name may have been taken a moment ago by this very person: a concurrent sign-in that created the
            // user and committed between the lookup above and this check (each statement sees the latest commits).
            Optional<DirectoryUser> createdMeanwhile = users.byExternalIdLocked(tenant.getId(), identity.objectId());
            if (createdMeanwhile.isPresent()) {
                return createdMeanwhile.get();
            }
            throw refuse(tenant, identity, sourceIp, "USERNAME_CONFLICT", "another Faxgate user already has the user name "
                    + userName + " (user names are compared ignoring case) with a different directory object id");
        }
        DirectoryUser user = users.justInTime(tenant.getId(), identity.objectId(), userName, email, identity.displayName(), now);
        audit.record(tenant.getId(), AuditTypes.USER_CREATED, AuditOutcome.SUCCESS, userName, "just in time at SAML sign-in");
        return user;
    }

    /**
     * The groups claim, when present, is the truth about the user's memberships in the groups Faxgate knows.
     * Absent (the app emits no groups) or overage (more than 150 groups: Entra sends a link instead): keep the
     * memberships directory sync established — never read "no groups claim" as "no groups".
     */
    private void reconcileGroups(Tenant tenant, DirectoryUser user, SamlIdentity identity) {
        if (identity.groupsOverage() && !identity.groupsClaimPresent()) {
            audit.record(tenant.getId(), AuditTypes.SAML_GROUPS_OVERAGE, AuditOutcome.WARNING, user.getUserName(),
                    "groups overage: the assertion carried a groups link instead of groups; kept the directory-synced memberships");
            return;
        }
        if (!identity.groupsClaimPresent()) {
            return;
        }
        members.reconcile(tenant.getId(), user.getId(), identity.groups());
    }

    private SignInRefusedException refuse(Tenant tenant, SamlIdentity identity, String sourceIp, String reason, String message) {
        audit.recordIndependently(tenant.getId(), AuditTrail.ANONYMOUS, AuditTypes.SAML_SIGN_IN, AuditOutcome.DENIED,
                identity.email() != null ? identity.email() : identity.nameId(), reason + ": " + message, sourceIp);
        return new SignInRefusedException(reason, message);
    }
}
