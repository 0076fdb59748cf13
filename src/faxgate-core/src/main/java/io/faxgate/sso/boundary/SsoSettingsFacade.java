package io.faxgate.sso.boundary;

import io.faxgate.sso.control.SsoSettingsRequest;

import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.platform.entity.Roles;
import io.faxgate.audit.control.AuditEventView;
import io.faxgate.audit.control.AuditQuery;
import io.faxgate.audit.control.AuditLog;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.sso.control.FederationMetadata;
import io.faxgate.sso.control.IdpCertificate;
import io.faxgate.sso.control.IdpLoginEndpoint;
import io.faxgate.sso.control.SsoEndpoints;
import io.faxgate.sso.control.SsoSettingsValidation;
import io.faxgate.sso.control.TenantSsoSettings;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoSettings;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A tenant's SSO settings: read with the endpoints we publish, saved all-or-nothing and audited. */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.MANAGE_SSO})
public class SsoSettingsFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    TenantAccess access;

    @Inject
    SsoEndpoints endpoints;

    @Inject
    TenantSsoSettings ssoSettings;

    @Inject
    AuditTrail audit;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    public SsoSettingsView get(String slug) {
        Tenant tenant = access.tenant(slug);
        return view(tenant, settingsOf(tenant));
    }

    public SsoSettingsView save(String slug, SsoSettingsRequest request) {
        Tenant tenant = access.tenant(slug);
        SsoSettings settings = settingsOf(tenant);
        Instant now = clock.instant();
        SsoConfiguration next = SsoSettingsValidation.validate(request, tenant.isSsoAllowed(), now);
        if (request.version() != null && request.version() != settings.getVersion()) {
            throw ConflictException.staleVersion("SSO settings", request.version(), settings.getVersion());
        }
        if (next.clientId() != null && clientIdTakenElsewhere(next.clientId(), tenant.getId())) {
            throw new ConflictException("clientId", "this Application (client) ID is already connected to another Faxgate"
                    + " tenant; each tenant needs its own Entra enterprise application");
        }
        SsoConfiguration before = settings.configuration();
        boolean untested = enforcesUntested(before, next, settings.getTestedFingerprint());
        if (untested && Boolean.FALSE.equals(request.enforceUntested())) {
            throw new ConflictException("enabled", "run Test sign-in with these settings first: enforcing SSO for the"
                    + " admin tool with settings no test sign-in passed with can lock every administrator out");
        }
        settings.replace(next, now);
        em.flush();
        audit.record(tenant.getId(), AuditTypes.SSO_SETTINGS_CHANGED, AuditOutcome.SUCCESS, slug,
                describe(before) + " -> " + describe(next));
        if (untested) {
            audit.record(tenant.getId(), AuditTypes.SSO_ENFORCED_UNTESTED, AuditOutcome.WARNING, slug,
                    "SSO is enforced for the admin tool with settings no test sign-in passed with");
        }
        if (next.allowSha1() && !before.allowSha1()) {
            audit.record(tenant.getId(), AuditTypes.SSO_SETTINGS_CHANGED, AuditOutcome.WARNING, slug,
                    "SHA-1 signatures are now accepted for this tenant (insecure)");
        }
        if (next.allowAesCbc() != before.allowAesCbc()) {
            audit.record(tenant.getId(), AuditTypes.SSO_SETTINGS_CHANGED, next.allowAesCbc() ? AuditOutcome.WARNING : AuditOutcome.SUCCESS,
                    slug, next.allowAesCbc() ? "AES-CBC token encryption is now accepted for this tenant (weaker than AES-GCM)"
                            : "AES-CBC token encryption is no longer accepted for this tenant");
        }
        return view(tenant, settings);
    }

    /**
     * Reads IdP federation metadata (pasted or uploaded) for the form: login endpoint, issuer, certificates.
     * Parsed without DTDs or external access; nothing is saved — the admin reviews and saves the form.
     */
    public ImportedMetadata readFederationMetadata(String slug, String xml) {
        access.tenant(slug);
        FederationMetadata.Imported m = FederationMetadata.parse(xml);
        boolean entra;
        try {
            entra = m.loginEndpoint() != null && m.entityId() != null
                    && IdpLoginEndpoint.parse(m.loginEndpoint()).derivedIssuer().map(m.entityId()::equals).orElse(false);
        } catch (IllegalArgumentException notAUsableEndpoint) {
            entra = false; // the form's validation names the problem when the admin saves
        }
        return new ImportedMetadata(m.entityId(), m.loginEndpoint(), m.certificates(), entra);
    }

    /** The latest SAML sign-ins of the tenant (outcome, and on refusal the typed reason in {@code target}). */
    public List<AuditEventView> latestSignIns(String slug, int max) {
        Tenant tenant = access.tenant(slug);
        return auditLog.find(tenant.getId(), new AuditQuery(null, null, null, AuditTypes.SAML_SIGN_IN, null), 0,
                Math.max(1, Math.min(max, 50))).stream().map(AuditEventView::of).toList();
    }

    /**
     * The save starts enforcing SSO for the admin tool — switching it on, or changing a connection setting while it
     * is on — with settings no test sign-in passed with.
     */
    static boolean enforcesUntested(SsoConfiguration before, SsoConfiguration next, String testedFingerprint) {
        if (!next.enforcedForAdminTool()) {
            return false;
        }
        String fingerprint = next.connectionFingerprint();
        boolean newlyEnforced = !before.enforcedForAdminTool() || !before.connectionFingerprint().equals(fingerprint);
        return newlyEnforced && !fingerprint.equals(testedFingerprint);
    }

    /** One Entra application per tenant: a shared audience would let one tenant's assertions reach another's ACS. */
    private boolean clientIdTakenElsewhere(String clientId, long tenantId) {
        return !em.createQuery("select s.id from SsoSettings s where s.clientId = :clientId and s.tenantId <> :tenantId", Long.class)
                .setParameter("clientId", clientId).setParameter("tenantId", tenantId).setMaxResults(1).getResultList().isEmpty();
    }

    private SsoSettings settingsOf(Tenant tenant) {
        return ssoSettings.of(tenant.getId())
                .orElseGet(() -> {
                    SsoSettings fresh = new SsoSettings(tenant.getId(), clock.instant());
                    em.persist(fresh);
                    return fresh;
                });
    }

    private SsoSettingsView view(Tenant tenant, SsoSettings settings) {
        SsoConfiguration c = settings.configuration();
        Instant now = clock.instant();
        List<String> pems = certificates(c).toList();
        List<CertificateDetails> details = new ArrayList<>();
        for (int i = 0; i < pems.size(); i++) {
            details.add(CertificateDetails.of(i == 0 ? "primary" : "secondary", IdpCertificate.parse(pems.get(i)), now));
        }
        String slug = tenant.getSlug();
        return new SsoSettingsView(tenant.isSsoAllowed(), c.enabled(), c.mode().name(), c.scope().name(),
                c.loginEndpoint(), c.clientId(), pems, c.idpEntityId(), effectiveIssuer(c), c.allowIdpInitiated(),
                c.requireMfa(), c.clockSkewSeconds(), c.allowSha1(), c.justInTimeUsers(), c.claimNames(), settings.getVersion(),
                endpoints.consume(slug), endpoints.redirect(slug), c.spEntityId(), endpoints.metadataDocument(slug),
                endpoints.singleLogout(slug), details, c.allowAesCbc(), settings.testedAsSaved(), settings.getTestedAt(),
                settings.getTestedBy(), c.signAuthnRequests());
    }

    /** The issuer responses must carry: the explicit override, else the one derived from an Entra endpoint. */
    static String effectiveIssuer(SsoConfiguration c) {
        if (c.idpEntityId() != null) {
            return c.idpEntityId();
        }
        return c.loginEndpoint() == null ? null : IdpLoginEndpoint.parse(c.loginEndpoint()).derivedIssuer().orElse(null);
    }

    private static Stream<String> certificates(SsoConfiguration c) {
        return Stream.of(c.primaryCertificate(), c.secondaryCertificate()).filter(p -> p != null);
    }

    /** Certificates are public, but long: the audit log gets their thumbprints. */
    private static String describe(SsoConfiguration c) {
        String certs = certificates(c).map(p -> IdpCertificate.parse(p).thumbprintSha1()).toList().toString();
        return "{enabled=" + c.enabled() + ", mode=" + c.mode() + ", scope=" + c.scope() + ", loginEndpoint="
                + c.loginEndpoint() + ", clientId=" + c.clientId() + ", idpEntityId=" + c.idpEntityId()
                + ", certificates=" + certs + ", allowIdpInitiated=" + c.allowIdpInitiated() + ", requireMfa="
                + c.requireMfa() + ", allowSha1=" + c.allowSha1() + ", justInTimeUsers=" + c.justInTimeUsers()
                + ", clockSkewSeconds=" + c.clockSkewSeconds() + ", claimNames=" + c.claimNames()
                + ", allowAesCbc=" + c.allowAesCbc() + ", signAuthnRequests=" + c.signAuthnRequests() + "}";
    }
}
