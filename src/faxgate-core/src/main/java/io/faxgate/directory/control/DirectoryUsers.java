package io.faxgate.directory.control;

import io.faxgate.directory.entity.DirectorySource;
import io.faxgate.directory.entity.DirectoryUser;
import io.faxgate.platform.boundary.NotFoundException;
import io.faxgate.platform.control.AccessEpoch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and stores directory users, always within one tenant. The only writer of {@code directory_user} (SCIM
 * provisioning, SAML just-in-time users and User Maintenance all come here).
 */
@ApplicationScoped
public class DirectoryUsers {

    @PersistenceContext
    EntityManager em;

    @Inject
    GroupMembers members;

    @Inject
    Event<DirectoryUserRemoved> removed;

    @Inject
    AccessEpoch epoch;

    public DirectoryUser get(long tenantId, long id) {
        return em.createNamedQuery(DirectoryUser.BY_ID, DirectoryUser.class).setParameter("tenantId", tenantId)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("user " + id));
    }

    /** A page of users whose userName, email or display name contains {@code search} (case-insensitive). */
    public List<DirectoryUser> search(long tenantId, String search, int page, int size) {
        return em.createNamedQuery(DirectoryUser.SEARCH, DirectoryUser.class).setParameter("tenantId", tenantId)
                .setParameter("term", likeTerm(search)).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(long tenantId, String search) {
        return em.createNamedQuery(DirectoryUser.COUNT_SEARCH, Long.class).setParameter("tenantId", tenantId)
                .setParameter("term", likeTerm(search)).getSingleResult();
    }

    public void add(DirectoryUser user) {
        em.persist(user);
        em.flush();
    }

    public void flush() {
        em.flush();
    }

    /** The user, locked until commit when {@code lock} (read-modify-write without lost updates). */
    public Optional<DirectoryUser> find(long tenantId, long id, boolean lock) {
        var query = em.createNamedQuery(DirectoryUser.BY_ID, DirectoryUser.class).setParameter("tenantId", tenantId)
                .setParameter("id", id);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    /** The user the directory knows by this object id, locked until commit (concurrent sign-ins take turns). */
    public Optional<DirectoryUser> byExternalIdLocked(long tenantId, String externalId) {
        return em.createNamedQuery(DirectoryUser.BY_EXTERNAL_ID, DirectoryUser.class)
                .setParameter("tenantId", tenantId).setParameter("externalId", externalId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /**
     * The one userName rule (as the database's unique key): unique per tenant ignoring case. A person is matched by
     * the directory's object id only, never by name.
     */
    public boolean userNameTaken(long tenantId, String userName, long exceptId) {
        return !em.createQuery("select u.id from DirectoryUser u where u.tenantId = :tenantId and u.userNameKey = :key"
                        + " and u.id <> :id", Long.class)
                .setParameter("tenantId", tenantId).setParameter("key", DirectoryUser.userNameKey(userName))
                .setParameter("id", exceptId).setMaxResults(1).getResultList().isEmpty();
    }

    public boolean externalIdTaken(long tenantId, String externalId, long exceptId) {
        return !em.createQuery("select u.id from DirectoryUser u where u.tenantId = :tenantId and u.externalId = :externalId"
                        + " and u.id <> :id", Long.class)
                .setParameter("tenantId", tenantId).setParameter("externalId", externalId)
                .setParameter("id", exceptId).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Deletes the user with their memberships; the other components remove their rows about the user first
     * ({@link DirectoryUserRemoved}, same transaction). How many memberships went.
     */
    public int remove(DirectoryUser user) {
        int memberships = members.removeUser(user.getTenantId(), user.getId());
        removed.fire(new DirectoryUserRemoved(user.getTenantId(), user.getId()));
        epoch.changedInThisTransaction();
        em.remove(user);
        em.flush();
        return memberships;
    }

    /**
     * Keeps an IdP-known user's contact details current at sign-in. The directory (SCIM) owns userName; only users
     * created at SAML sign-in follow the e-mail claim, and never onto a name another user has (the clash is the
     * directory's to resolve, the sign-in goes on under the old name).
     */
    public void describedByIdp(DirectoryUser user, String email, String displayName, Instant now) {
        String userName = user.getSource() == DirectorySource.SAML && email != null ? email : user.getUserName();
        if (!userName.equals(user.getUserName()) && userNameTaken(user.getTenantId(), userName, user.getId())) {
            userName = user.getUserName();
        }
        user.describe(userName, email, displayName != null ? displayName : user.getDisplayName(), now);
    }

    /** A user created just in time at SAML sign-in (the caller checked the userName is free). */
    public DirectoryUser justInTime(long tenantId, String objectId, String userName, String email, String displayName,
                                    Instant now) {
        DirectoryUser user = new DirectoryUser(tenantId, objectId, userName, DirectorySource.SAML, now);
        user.describe(userName, email, displayName, now);
        add(user);
        return user;
    }

    public void signedIn(DirectoryUser user, Instant now) {
        user.signedIn(now);
        em.flush();
    }

    /** Escapes LIKE wildcards so that a search for "50%" finds "50%", not everything. */
    static String likeTerm(String search) {
        String plain = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        return "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
