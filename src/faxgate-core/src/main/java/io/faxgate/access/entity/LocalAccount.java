package io.faxgate.access.entity;

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

/**
 * A password account (Jakarta Security PBKDF2 hash). Usernames are unique per tenant ({@code tenantScope}; operators
 * have scope 0). People sign in with the account's {@code signInName} where it has one (operators, the tenant
 * administrators the operator creates, accounts older than per-tenant names), else with {@code {tenant}/{username}}.
 */
@Entity
@EntityListeners(AccessChangeListener.class)
@Table(name = "local_account")
@NamedQuery(name = LocalAccount.BY_SIGN_IN_NAME, query = "select a from LocalAccount a where a.signInName = :name")
@NamedQuery(name = LocalAccount.IN_SCOPE, query = "select a from LocalAccount a where a.tenantScope = :scope and a.username = :username")
@NamedQuery(name = LocalAccount.WEB_STAFF_OF_USER, query = "select a from LocalAccount a where a.tenantId = :tenantId and a.directoryUserId = :userId")
@NamedQuery(name = LocalAccount.COUNT_OF_KIND, query = "select count(a) from LocalAccount a where a.kind = :kind")
public class LocalAccount extends VersionedEntity {

    public static final String BY_SIGN_IN_NAME = "LocalAccount.bySignInName";
    public static final String IN_SCOPE = "LocalAccount.inScope";
    /** The scope of operator accounts (the id sequence starts at 1000, so no tenant has it). */
    public static final long OPERATOR_SCOPE = 0;
    public static final String WEB_STAFF_OF_USER = "LocalAccount.webStaffOfUser";
    public static final String COUNT_OF_KIND = "LocalAccount.countOfKind";
    public static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]{3,100}";

    /** Null for platform operators. */
    @Column(name = "tenant_id", updatable = false)
    private Long tenantId;

    @Column(nullable = false, updatable = false)
    private String username;

    /** The tenant id, or {@link #OPERATOR_SCOPE}: usernames are unique within it. */
    @Column(name = "tenant_scope", nullable = false, updatable = false)
    private long tenantScope;

    /** The name that signs in without naming the tenant, unique platform-wide; null where the tenant must be named. */
    @Column(name = "sign_in_name", updatable = false)
    private String signInName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private LocalAccountKind kind;

    /** May sign in with a password even where the tenant's SSO scope forbids local sign-in; always audited. */
    @Column(name = "break_glass", nullable = false)
    private boolean breakGlass;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** Web staff only: the directory user whose groups (and so fax lines) and permissions this account acts with. */
    @Column(name = "directory_user_id", updatable = false)
    private Long directoryUserId;

    protected LocalAccount() {
    }

    private LocalAccount(Long tenantId, String username, String passwordHash, LocalAccountKind kind, Instant now) {
        this.tenantId = tenantId;
        this.tenantScope = tenantId == null ? OPERATOR_SCOPE : tenantId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.kind = kind;
        this.enabled = true;
        this.createdAt = now;
    }

    public static LocalAccount operator(String username, String passwordHash, Instant now) {
        LocalAccount account = new LocalAccount(null, username, passwordHash, LocalAccountKind.PLATFORM_OPERATOR, now);
        account.signInName = username;
        return account;
    }

    /** Created by the operator, who is told when the name is taken anywhere: it signs in without naming the tenant. */
    public static LocalAccount tenantAdmin(long tenantId, String username, String passwordHash, Instant now) {
        LocalAccount account = new LocalAccount(tenantId, username, passwordHash, LocalAccountKind.TENANT_ADMIN, now);
        account.signInName = username;
        return account;
    }

    /** A password for the web staff console where SSO does not apply to web staff; acts as the directory user. */
    public static LocalAccount webStaff(long tenantId, long directoryUserId, String username, String passwordHash,
                                        Instant now) {
        LocalAccount account = new LocalAccount(tenantId, username, passwordHash, LocalAccountKind.WEB_STAFF, now);
        account.directoryUserId = directoryUserId;
        return account;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public void markBreakGlass(boolean isBreakGlass) {
        this.breakGlass = isBreakGlass;
    }

    public void enable(boolean isEnabled) {
        this.enabled = isEnabled;
    }

    public void loggedIn(Instant now) {
        this.lastLoginAt = now;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public String getUsername() {
        return username;
    }

    /** The name that signs in without naming the tenant, if the account has one. */
    public java.util.Optional<String> signInName() {
        return java.util.Optional.ofNullable(signInName);
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public LocalAccountKind getKind() {
        return kind;
    }

    public boolean isBreakGlass() {
        return breakGlass;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /**
     * Changes whenever the password does (every hash has its own salt, so even the same password set again gives a
     * new stamp). Sessions remember it, so a password reset ends the sessions started with the old one. Derived from
     * the hash by SHA-256 and shortened: it reveals nothing usable about the password.
     */
    public String credentialStamp() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public Long getDirectoryUserId() {
        return directoryUserId;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }
}
