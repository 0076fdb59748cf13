package io.faxgate.access.boundary;

import io.faxgate.access.control.SsoPolicy;
import io.faxgate.access.control.CurrentCaller;
import io.faxgate.access.control.AccountLockouts;
import io.faxgate.access.control.CallerDirectory;
import io.faxgate.access.control.GrantRule;
import io.faxgate.access.control.LocalAccounts;
import io.faxgate.access.control.PasswordHashing;
import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.access.entity.Caller;
import io.faxgate.access.entity.LocalAccount;
import io.faxgate.access.entity.Permission;
import io.faxgate.platform.entity.Roles;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.directory.control.DirectoryUsers;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.platform.control.SecretGenerator;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Web staff console passwords ({@link io.faxgate.access.entity.LocalAccountKind#WEB_STAFF}): for tenants whose
 * single sign-on does not cover web staff, an administrator gives a directory user a generated password. The
 * account's username is the user's userName; it acts as that user (their groups, lines and permissions, as of
 * each request). Where SSO covers web staff, no password can be set, and existing ones stop working at once.
 */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.MANAGE_USERS})
public class ConsolePasswordFacade {

    /** About 116 bits from {@link SecretGenerator#password}'s 57-letter alphabet. */
    static final int PASSWORD_LENGTH = 20;
    static final int MAX_USERNAME_LENGTH = 100;

    @Inject
    TenantAccess access;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    DirectoryUsers users;

    @Inject
    LocalAccounts accounts;

    @Inject
    CallerDirectory callers;

    @Inject
    PasswordHashing hashing;

    @Inject
    SsoPolicy ssoRule;

    @Inject
    AuditTrail audit;

    @Inject
    GrantRule rule;

    @Inject
    AccountLockouts lockouts;

    @Inject
    Clock clock;

    /** The user's console password account, if they have one. */
    public Optional<ConsolePasswordView> of(String slug, long userId) {
        Tenant tenant = access.tenant(slug);
        DirectoryUser user = users.get(tenant.getId(), userId);
        return accounts.webStaffOf(tenant.getId(), user.getId()).map(a -> ConsolePasswordView.of(a, accounts.signInNameOf(a)));
    }

    /** Whether console passwords can be set in this tenant right now (false where SSO covers web staff). */
    public boolean available(String slug) {
        return !ssoRule.forWebStaff(access.tenant(slug).getId());
    }

    /**
     * Sets a new generated password (creating the account, or replacing the password of the existing one). The
     * password is returned once and never stored. Sessions already open stay open (they are the same person);
     * {@link #remove} ends them.
     */
    public ConsolePasswordCreated set(String slug, long userId) {
        Tenant tenant = access.tenant(slug);
        DirectoryUser user = users.get(tenant.getId(), userId);
        if (ssoRule.forWebStaff(tenant.getId())) {
            throw new ConflictException("scope", "single sign-on covers the web staff console in this tenant: staff"
                    + " sign in through the company's identity provider, so console passwords cannot be set");
        }
        if (!user.isActive()) {
            throw new ConflictException("active", "the user is deactivated; activate them before setting a console password");
        }
        refuseUnlessCallerHoldsTheirAdminPermissions(tenant, user);
        String password = SecretGenerator.password(PASSWORD_LENGTH);
        String hash = hashing.hash(password.toCharArray());
        Optional<LocalAccount> existing = accounts.webStaffOf(tenant.getId(), user.getId());
        if (existing.isPresent() && existing.get().getUsername().equals(user.getUserName())) {
            LocalAccount account = existing.get();
            account.changePasswordHash(hash);
            account.enable(true);
            lockouts.passwordReset(account);
            audit.record(tenant.getId(), AuditTypes.WEB_STAFF_PASSWORD_SET, AuditOutcome.SUCCESS, account.getUsername(),
                    "console password reset for directory user " + user.getId());
            return new ConsolePasswordCreated(accounts.signInNameOf(account), password);
        }
        // The user was renamed since their account was made: the account follows the name people sign in with.
        existing.ifPresent(accounts::remove);
        String username = usernameFor(tenant, user);
        LocalAccount account = LocalAccount.webStaff(tenant.getId(), user.getId(), username, hash, clock.instant());
        accounts.add(account);
        audit.record(tenant.getId(), AuditTypes.WEB_STAFF_PASSWORD_SET, AuditOutcome.SUCCESS, username,
                "console password set for directory user " + user.getId());
        return new ConsolePasswordCreated(accounts.signInNameOf(account), password);
    }

    /** Removes the user's console password; its open sessions end on their next request. Idempotent. */
    public void remove(String slug, long userId) {
        Tenant tenant = access.tenant(slug);
        DirectoryUser user = users.get(tenant.getId(), userId);
        accounts.webStaffOf(tenant.getId(), user.getId()).ifPresent(account -> {
            accounts.remove(account);
            audit.record(tenant.getId(), AuditTypes.WEB_STAFF_PASSWORD_REMOVED, AuditOutcome.SUCCESS,
                    account.getUsername(), "console password removed for directory user " + user.getId());
        });
    }

    /**
     * The user's userName, when no other password account of this tenant has it. Other tenants' and operators'
     * accounts are not looked at: names are unique per tenant, and this answer must not tell whether they exist.
     */
    private String usernameFor(Tenant tenant, DirectoryUser user) {
        String username = user.getUserName();
        if (username == null || username.isBlank() || username.length() > MAX_USERNAME_LENGTH
                || !username.equals(username.strip())) {
            throw new ConflictException("username", "the user's userName cannot be used to sign in with a password"
                    + " (empty, longer than " + MAX_USERNAME_LENGTH + " characters, or with spaces around it)");
        }
        if (accounts.inTenant(tenant.getId(), username).isPresent()) {
            throw new ConflictException("username", "username '" + username + "' is already used by another password"
                    + " account of this company (an administrator account); rename one of them first");
        }
        return username;
    }

    /**
     * Whoever holds a console password acts as the user, with all of the user's permissions: a user manager
     * could otherwise sign in as a more powerful administrator. The grant rule decides, as for a grant.
     */
    private void refuseUnlessCallerHoldsTheirAdminPermissions(Tenant tenant, DirectoryUser user) {
        Set<Permission> theirs = callers.permissionsOf(user);
        rule.enforce(currentCaller.get(), tenant.getId(), "permissions", user.getUserName(),
                "console password for a user holding " + theirs, theirs, false);
    }
}
