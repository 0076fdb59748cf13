package io.faxgate.sso.boundary;

import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.platform.entity.Roles;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.sso.control.SignInRecordView;
import io.faxgate.sso.control.SignInRecords;
import io.faxgate.sso.control.SignInReport;
import io.faxgate.sso.control.TenantSsoSettings;
import io.faxgate.sso.entity.SignInRecord;
import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoSettings;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Test before enforce, and the sign-in debugger: an admin tests the saved SSO settings with a real round trip to the
 * IdP (nobody is signed in by it), the outcome is kept as displayable fields, and a passed test marks exactly these
 * connection settings as tested — the precondition for enforcing SSO on the admin tool (see SsoSettingsFacade).
 */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.MANAGE_SSO})
public class SignInDebuggerFacade {

    @Inject
    TenantAccess access;

    @Inject
    TenantSsoSettings ssoSettings;

    @Inject
    SignInRecords records;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext caller;

    /**
     * Starts a test of the saved settings. Refused (409, naming the field) when the operator has not allowed SSO or
     * a value the round trip needs is not saved yet.
     */
    public TestSignInTicket beginTest(String slug) {
        Tenant tenant = access.tenant(slug);
        if (!tenant.isSsoAllowed()) {
            throw new ConflictException("enabled", "SSO is not allowed for this company yet; ask your Faxgate account manager");
        }
        SsoConfiguration c = ssoSettings.configurationOf(tenant.getId());
        if (c.loginEndpoint() == null) {
            throw new ConflictException("loginEndpoint", "save the login endpoint (A) before testing");
        }
        if (c.clientId() == null) {
            throw new ConflictException("clientId", "save the Client ID (B) before testing");
        }
        if (c.primaryCertificate() == null) {
            throw new ConflictException("certificates", "save the IdP certificate (C) before testing");
        }
        if (SsoSettingsFacade.effectiveIssuer(c) == null) {
            throw new ConflictException("idpEntityId", "save the IdP issuer (advanced) before testing: the login endpoint is not Entra's");
        }
        return new TestSignInTicket(slug, c.connectionFingerprint());
    }

    /**
     * The outcome of the caller's test. A pass counts as "tested" only when the settings saved now are those the
     * test started with (a save in between invalidates it).
     */
    public SignInRecordView recordTest(TestSignInTicket ticket, SignInReport report) {
        Tenant tenant = access.tenant(ticket.slug());
        Instant now = clock.instant();
        String actor = caller.getCallerPrincipal().getName();
        SsoSettings settings = ssoSettings.of(tenant.getId()).orElseThrow(
                () -> new ConflictException("enabled", "the SSO settings are gone"));
        String current = settings.configuration().connectionFingerprint();
        boolean counts = report.passed() && current.equals(ticket.fingerprint());
        if (counts) {
            settings.tested(current, actor, now);
        }
        SignInRecord record = records.add(tenant.getId(), SignInRecord.Kind.TEST, now, actor, report, ticket.fingerprint());
        SignInReport.Check failed = report.failedCheck();
        audit.record(tenant.getId(), AuditTypes.SSO_TEST_SIGN_IN, report.passed() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                ticket.slug(), failed != null ? failed.name() + ": " + failed.reason()
                        : counts ? "passed; SSO may now be enforced with these settings"
                        : "passed, but the settings changed during the test: test again");
        return SignInRecords.view(record, current);
    }

    /** The newest test sign-ins, or refused real sign-ins ({@code refused}), of the tenant. */
    public List<SignInRecordView> latest(String slug, boolean refused, int max) {
        Tenant tenant = access.tenant(slug);
        String current = ssoSettings.configurationOf(tenant.getId()).connectionFingerprint();
        return records.latest(tenant.getId(), refused ? SignInRecord.Kind.REFUSED : SignInRecord.Kind.TEST, max, current);
    }
}
