package io.faxgate.access.boundary;

import io.faxgate.access.control.SsoPolicy;
import io.faxgate.access.control.CurrentCaller;
import io.faxgate.access.control.CallerDirectory;
import io.faxgate.access.control.LocalCredentialCheck;
import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.access.entity.Caller;
import io.faxgate.access.control.LocalAccounts;
import io.faxgate.access.entity.AccountLockout;
import io.faxgate.platform.boundary.TooManyRequestsException;
import java.time.Duration;
import io.faxgate.access.entity.LocalAccount;
import io.faxgate.access.entity.LocalAccountKind;
import io.faxgate.platform.entity.Roles;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.fax.boundary.FaxLineView;
import io.faxgate.fax.control.FaxLines;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Authentication support for the web tier, and the signed-in caller's own view of themselves. */
@Stateless
public class CallerFacade {

    @Inject
    TenantAccess access;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CallerDirectory callers;

    @Inject
    LocalCredentialCheck credentials;

    @Inject
    FaxLines lines;

    @Inject
    AuditTrail audit;

    @Inject
    SsoPolicy ssoRequired;

    @Inject
    LocalAccounts accounts;

    @Inject
    SignInLimits limits;

    private static final int MAX_SIGN_IN_NAME = 200;

    @Inject
    Clock clock;

    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_MEMBER})
    public CallerView me() {
        Caller c = currentCaller.get();
        List<FaxLineView> reachable = c.directoryUserId() == null ? List.of()
                : lines.reachableBy(c.tenantId(), c.directoryUserId()).stream().map(FaxLineView::of).toList();
        return new CallerView(c.principalName(), c.kind().name(), c.tenantSlug(), c.directoryUserId(), c.userName(),
                c.email(), List.copyOf(c.roles()), c.permissions().stream().map(Enum::name).sorted().toList(), reachable);
    }

    /**
     * Password sign-in for local accounts; the principal name on success. Called before anyone is signed in.
     * Failures are always audited; successes only when interactive (a form sign-in), because API clients using
     * HTTP Basic present their password on every request.
     * <p>
     * Not interactive (HTTP Basic): every password actually verified (not a remembered right one) first costs one of
     * the address's sign-in attempts, counted before the check, so parallel requests cannot all slip past the limit;
     * the sign-in form is counted per request by the web tier instead.
     *
     * @throws TooManyRequestsException when the address has no attempts left
     */
    @PermitAll
    public Optional<String> authenticateLocal(String username, char[] password, boolean interactive, String sourceIp) {
        String name = username == null ? "" : username.strip();
        Runnable beforeVerifying = interactive ? () -> { } : () -> limits.attempt(sourceIp, "HTTP Basic password check")
                .ifPresent(wait -> {
                    throw new TooManyRequestsException("too many sign-in attempts from this address", Duration.ofSeconds(wait));
                });
        LocalCredentialCheck.Checked checked = name.isEmpty() || name.length() > MAX_SIGN_IN_NAME
                ? new LocalCredentialCheck.Checked(LocalCredentialCheck.Verdict.WRONG, null)
                : credentials.check(name, password, beforeVerifying);
        Long tenantOfAccount = checked.account() == null ? null : checked.account().getTenantId();
        switch (checked.verdict()) {
            case LOCKED -> {
                audit.recordIndependently(tenantOfAccount, AuditTrail.ANONYMOUS, AuditTypes.LOCAL_SIGN_IN, AuditOutcome.DENIED,
                        printable(name), "too many wrong passwords: account locked after " + AccountLockout.MAX_FAILURES
                                + " wrong passwords; no password is accepted until the lock ends", sourceIp);
                return Optional.empty();
            }
            case WRONG, WRONG_AND_LOCKED -> {
                // Not the account's tenant: an unknown name and a wrong password must leave the same trace.
                audit.recordIndependently(null, AuditTrail.ANONYMOUS, AuditTypes.LOCAL_SIGN_IN, AuditOutcome.FAILURE,
                        printable(name), "wrong username or password, or account disabled", sourceIp);
                if (checked.verdict() == LocalCredentialCheck.Verdict.WRONG_AND_LOCKED) {
                    audit.recordIndependently(tenantOfAccount, AuditTrail.ANONYMOUS, AuditTypes.LOCAL_ACCOUNT_LOCKED,
                            AuditOutcome.WARNING, checked.account().getUsername(), AccountLockout.MAX_FAILURES
                                    + " wrong passwords: locked for " + AccountLockout.LOCKED_FOR.toMinutes()
                                    + " minutes (an administrator setting a new password unlocks it)", sourceIp);
                }
                return Optional.empty();
            }
            default -> {
                // OPENS: go on
            }
        }
        LocalAccount signedIn = checked.account();
        String principal = Caller.localPrincipal(accounts.signInNameOf(signedIn));
        if (signedIn.getKind() == LocalAccountKind.TENANT_ADMIN && ssoRequired.forAdminTool(signedIn.getTenantId())) {
            if (!signedIn.isBreakGlass()) {
                audit.recordIndependently(signedIn.getTenantId(), AuditTrail.ANONYMOUS, AuditTypes.LOCAL_SIGN_IN,
                        AuditOutcome.DENIED, signedIn.getUsername(), "single sign-on applies to the admin tool;"
                                + " password sign-in is only open to break-glass accounts", sourceIp);
                return Optional.empty();
            }
            audit.recordIndependently(signedIn.getTenantId(), principal,
                    AuditTypes.LOCAL_SIGN_IN, AuditOutcome.WARNING, signedIn.getUsername(),
                    "break-glass password sign-in while single sign-on applies to the admin tool", sourceIp);
        }
        if (signedIn.getKind() == LocalAccountKind.WEB_STAFF && !signedIn.isBreakGlass()
                && ssoRequired.forWebStaff(signedIn.getTenantId())) {
            audit.recordIndependently(signedIn.getTenantId(), AuditTrail.ANONYMOUS, AuditTypes.LOCAL_SIGN_IN,
                    AuditOutcome.DENIED, signedIn.getUsername(), "single sign-on applies to the web staff console;"
                            + " sign in through your company's sign-in", sourceIp);
            return Optional.empty();
        }
        if (interactive) {
            signedIn.loggedIn(clock.instant());
            audit.recordIndependently(signedIn.getTenantId(), principal,
                    AuditTypes.LOCAL_SIGN_IN, AuditOutcome.SUCCESS, signedIn.getUsername(),
                    signedIn.isBreakGlass() ? "break-glass account" : null, sourceIp);
        }
        return Optional.of(principal);
    }

    /**
     * A signed-in caller was refused an action by {@code @RolesAllowed}: audited against the caller's tenant, so
     * admins see attempts beyond someone's permissions. Called by the web tier's error mapping.
     */
    @PermitAll
    public void recordDenied(String principalName, String action, String sourceIp) {
        Optional<Caller> caller = callers.find(principalName);
        audit.recordIndependently(caller.map(Caller::tenantId).orElse(null), principalName, AuditTypes.ACCESS_DENIED,
                AuditOutcome.DENIED, printable(action), "missing permission", sourceIp);
    }

    /** Attempted usernames are attacker input: keep the audit log free of control characters and floods. */
    private static String printable(String attempted) {
        String clean = attempted.replaceAll("[^\\p{Print}]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    /**
     * The roles of a password session's principal, or nothing when it may no longer act — including when the
     * account's password changed since the session signed in ({@code credentialStamp} is what it signed in with).
     */
    @PermitAll
    public Optional<Set<String>> currentRoles(String principalName, String credentialStamp) {
        return callers.find(principalName).filter(c -> java.util.Objects.equals(c.credentialStamp(), credentialStamp))
                .map(Caller::roles);
    }

    /** What a password session remembers of the credential it signed in with (see {@link Caller#credentialStamp}). */
    @PermitAll
    public Optional<String> credentialStamp(String principalName) {
        return callers.find(principalName).map(Caller::credentialStamp);
    }

    /** The roles (= current permissions) of a principal, or nothing when it may no longer act at all. */
    @PermitAll
    public Optional<Set<String>> currentRoles(String principalName) {
        return callers.find(principalName).map(Caller::roles);
    }
}
