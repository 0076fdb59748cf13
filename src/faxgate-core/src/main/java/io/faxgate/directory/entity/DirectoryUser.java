package io.faxgate.directory.entity;

import io.faxgate.platform.entity.TenantOwned;
import io.faxgate.platform.entity.VersionedEntity;
import jakarta.persistence.Column;
import io.faxgate.platform.entity.AccessChangeListener;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * A person of the tenant's directory. Keyed by the directory's stable object id (external id), never by
 * display name; email and userName may change.
 */
@Entity
@EntityListeners(AccessChangeListener.class)
@Table(name = "directory_user")
@NamedQuery(name = DirectoryUser.BY_ID, query = "select u from DirectoryUser u where u.tenantId = :tenantId and u.id = :id")
@NamedQuery(name = DirectoryUser.BY_EXTERNAL_ID, query = "select u from DirectoryUser u where u.tenantId = :tenantId and u.externalId = :externalId")
@NamedQuery(name = DirectoryUser.SEARCH, query = """
        select u from DirectoryUser u where u.tenantId = :tenantId and (lower(u.userName) like :term
        or lower(u.email) like :term or lower(u.displayName) like :term) order by u.userName, u.id""")
@NamedQuery(name = DirectoryUser.COUNT_SEARCH, query = """
        select count(u) from DirectoryUser u where u.tenantId = :tenantId and (lower(u.userName) like :term
        or lower(u.email) like :term or lower(u.displayName) like :term)""")
public class DirectoryUser extends VersionedEntity implements TenantOwned {

    public static final String BY_ID = "DirectoryUser.byId";
    public static final String BY_EXTERNAL_ID = "DirectoryUser.byExternalId";
    public static final String SEARCH = "DirectoryUser.search";
    public static final String COUNT_SEARCH = "DirectoryUser.countSearch";

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "user_name", nullable = false)
    private String userName;

    private String email;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "given_name")
    private String givenName;

    @Column(name = "family_name")
    private String familyName;

    /** {@code userName} in lower case: SCIM compares userName case-insensitively (maintained here, see V3). */
    @Column(name = "user_name_key")
    private String userNameKey;

    @Column(nullable = false)
    private boolean active;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DirectorySource source;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    /** The SCIM attributes Faxgate does not use itself, as sent (a JSON object); null: none. */
    @Column(name = "scim_attributes")
    private String scimAttributes;

    protected DirectoryUser() {
    }

    public DirectoryUser(long tenantId, String externalId, String userName, DirectorySource source, Instant now) {
        this.tenantId = tenantId;
        this.externalId = externalId;
        this.userName = userName;
        this.userNameKey = userNameKey(userName);
        this.source = source;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void describe(String newUserName, String newEmail, String newDisplayName, Instant now) {
        this.userName = newUserName;
        this.userNameKey = userNameKey(newUserName);
        this.email = newEmail;
        this.displayName = newDisplayName;
        this.updatedAt = now;
    }

    /** The directory's object id; SCIM clients may set or correct it. */
    public void identify(String newExternalId, Instant now) {
        this.externalId = newExternalId;
        this.updatedAt = now;
    }

    /** Name parts as the directory (SCIM {@code name.givenName} / {@code name.familyName}) sends them. */
    public void name(String newGivenName, String newFamilyName, Instant now) {
        this.givenName = newGivenName;
        this.familyName = newFamilyName;
        this.updatedAt = now;
    }

    /** The SCIM attributes Faxgate keeps as sent without using them (JSON object text, or null). */
    public void keepScimAttributes(String json, Instant now) {
        this.scimAttributes = json;
        this.updatedAt = now;
    }

    public String getScimAttributes() {
        return scimAttributes;
    }

    /** The directory that provisions this user from now on (an SCIM client takes over a just-in-time user). */
    public void provisionedBy(DirectorySource newSource) {
        this.source = newSource;
    }

    @PrePersist
    void keepUserNameKey() {
        this.userNameKey = userNameKey(userName);
    }

    public static String userNameKey(String userName) {
        return userName == null ? null : userName.toLowerCase(Locale.ROOT);
    }

    /** Something kept beside the user changed (app roles): moves lastModified and the version. */
    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public void activate(boolean isActive, Instant now) {
        this.active = isActive;
        this.updatedAt = now;
    }

    public void signedIn(Instant now) {
        this.lastSignInAt = now;
    }

    @Override
    public long getTenantId() {
        return tenantId;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getUserName() {
        return userName;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public boolean isActive() {
        return active;
    }

    public DirectorySource getSource() {
        return source;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }
}
