package io.faxgate.sso.boundary;

import io.faxgate.access.control.AccessEpoch;
import io.faxgate.access.entity.AssertedRole;
import io.faxgate.access.entity.Caller;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.directory.control.SecurityGroups;
import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.directory.entity.GroupMembership;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.platform.control.SecretSealer;
import io.faxgate.sso.control.IdpCertificate;
import io.faxgate.sso.control.SpEncryptionKey;
import io.faxgate.sso.control.SsoEndpoints;
import io.faxgate.sso.control.TenantSsoSettings;
import io.faxgate.sso.entity.ClaimNames;
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
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
    SecurityGroups groups;

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
    AccessEpoch epoch;

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
        if (settings.requireMfa() && !identity.authnMethods().contains(ClaimNames.ENTRA_MFA)) {
            throw refuse(tenant, identity, sourceIp, "MFA_REQUIRED", "your company requires multi-factor authentication;"
                    + " the identity provider did not report it for this sign-in");
        }
        Instant now = clock.instant();
        DirectoryUser user = findOrCreate(tenant, settings, identity, now, sourceIp);
        if (!user.isActive()) {
            throw refuse(tenant, identity, sourceIp, "USER_DEACTIVATED", "your Faxgate account is deactivated");
        }
        reconcileGroups(tenant, user, identity);
        replaceAssertedRoles(tenant, user, identity.roles());
        user.signedIn(now);
        em.flush();
        String principal = Caller.userPrincipal(user.getId());
        audit.recordIndependently(tenant.getId(), principal, AuditTypes.SAML_SIGN_IN, AuditOutcome.SUCCESS,
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

    public void recordSignOut(String slug, String principal, String detail) {
        Long tenantId = tenants.bySlug(slug).map(Tenant::getId).orElse(null);
        audit.recordIndependently(tenantId, principal, AuditTypes.SAML_SIGN_OUT, AuditOutcome.SUCCESS, principal, detail, null);
    }

    private DirectoryUser findOrCreate(Tenant tenant, SsoConfiguration settings, SamlIdentity identity, Instant now,
                                       String sourceIp) {
        String email = identity.email() != null ? identity.email() : identity.nameId();
        // Locked until commit: concurrent sign-ins of one person (two tabs, a double click) take turns on the row
        // instead of one of them failing on the version check. Different people never wait for each other.
        Optional<DirectoryUser> existing = em.createNamedQuery(DirectoryUser.BY_EXTERNAL_ID, DirectoryUser.class)
                .setParameter("tenantId", tenant.getId()).setParameter("externalId", identity.objectId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            DirectoryUser user = existing.get();
            // The directory (SCIM) owns userName; SAML only keeps contact details current.
            String userName = user.getSource() == DirectorySource.SAML && email != null ? email : user.getUserName();
            if (!userName.equals(user.getUserName()) && userNameTaken(tenant, userName, user.getId())) {
                // Keep the name rather than fail the sign-in; the clash is the directory's to resolve.
                userName = user.getUserName();
            }
            user.describe(userName, email, identity.displayName() != null ? identity.displayName() : user.getDisplayName(), now);
            return user;
        }
        if (!settings.justInTimeUsers()) {
            throw refuse(tenant, identity, sourceIp, "USER_NOT_PROVISIONED", "your account has not been provisioned to"
                    + " Faxgate yet; ask your administrator to assign you to the Faxgate application");
        }
        String userName = email != null ? email : identity.objectId();
        if (userNameTaken(tenant, userName, -1)) {
            throw refuse(tenant, identity, sourceIp, "USERNAME_CONFLICT", "another Faxgate user already has the user name "
                    + userName + " (user names are compared ignoring case) with a different directory object id");
        }
        DirectoryUser user = new DirectoryUser(tenant.getId(), identity.objectId(), userName, DirectorySource.SAML, now);
        user.describe(userName, email, identity.displayName(), now);
        em.persist(user);
        em.flush();
        audit.record(tenant.getId(), AuditTypes.USER_CREATED, AuditOutcome.SUCCESS, userName, "just in time at SAML sign-in");
        return user;
    }

    /**
     * The one userName rule (as SCIM and the database's unique key): unique per tenant ignoring case. A person is
     * matched by the directory's object id only, never by name: {@code Bob@x} signing in with another object id than
     * the existing {@code bob@x} is refused, not merged — merging by name would let one directory identity take over
     * another's Faxgate user.
     */
    private boolean userNameTaken(Tenant tenant, String userName, long exceptId) {
        return !em.createQuery("select u.id from DirectoryUser u where u.tenantId = :tenantId and u.userNameKey = :key and u.id <> :id", Long.class)
                .setParameter("tenantId", tenant.getId()).setParameter("key", DirectoryUser.userNameKey(userName)).setParameter("id", exceptId)
                .getResultList().isEmpty();
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
        // Groups provisioned without an externalId (non-Entra SCIM clients) have no object id a claim could name.
        Map<String, SecurityGroup> known = groups.ofTenant(tenant.getId()).stream().filter(g -> g.getExternalId() != null)
                .collect(Collectors.toMap(SecurityGroup::getExternalId, Function.identity()));
        Set<Long> knownIds = known.values().stream().map(SecurityGroup::getId).collect(Collectors.toSet());
        Set<Long> claimed = new HashSet<>();
        for (String externalId : identity.groups()) {
            SecurityGroup g = known.get(externalId);
            if (g != null) {
                claimed.add(g.getId());
            }
        }
        List<GroupMembership> current = em.createQuery("select m from GroupMembership m where m.tenantId = :tenantId and m.directoryUserId = :userId", GroupMembership.class)
                .setParameter("tenantId", tenant.getId()).setParameter("userId", user.getId()).getResultList();
        Set<Long> have = new HashSet<>();
        for (GroupMembership m : current) {
            if (claimed.contains(m.getSecurityGroupId())) {
                have.add(m.getSecurityGroupId());
            } else if (knownIds.contains(m.getSecurityGroupId())) {
                em.remove(m);
            }
        }
        for (Long groupId : claimed) {
            if (!have.contains(groupId)) {
                em.persist(new GroupMembership(tenant.getId(), groupId, user.getId()));
            }
        }
    }

    private void replaceAssertedRoles(Tenant tenant, DirectoryUser user, List<String> roles) {
        em.createNamedQuery(AssertedRole.DELETE_OF_USER).setParameter("tenantId", tenant.getId())
                .setParameter("userId", user.getId()).executeUpdate();
        epoch.changedInThisTransaction();
        for (String role : new LinkedHashSet<>(roles)) {
            if (role != null && !role.isBlank() && role.length() <= 300) {
                em.persist(new AssertedRole(tenant.getId(), user.getId(), role.strip()));
            }
        }
    }

    private SignInRefusedException refuse(Tenant tenant, SamlIdentity identity, String sourceIp, String reason, String message) {
        audit.recordIndependently(tenant.getId(), AuditTrail.ANONYMOUS, AuditTypes.SAML_SIGN_IN, AuditOutcome.DENIED,
                identity.email() != null ? identity.email() : identity.nameId(), reason + ": " + message, sourceIp);
        return new SignInRefusedException(reason, message);
    }
}
