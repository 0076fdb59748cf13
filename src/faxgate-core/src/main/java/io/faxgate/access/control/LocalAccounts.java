package io.faxgate.access.control;

import io.faxgate.access.entity.LocalAccount;
import io.faxgate.access.entity.LocalAccountKind;
import io.faxgate.tenant.control.Tenants;
import io.faxgate.tenant.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Reads and stores password accounts. Usernames are unique per tenant and operators have their own namespace, so
 * nothing here answers a question about another tenant's names (see {@link LocalAccount}).
 */
@ApplicationScoped
public class LocalAccounts {

    /** Between the tenant and the username in a sign-in name: {@code acme/bob@acme.com}. */
    public static final char TENANT_SEPARATOR = '/';

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenants tenants;

    /**
     * The account a sign-in name opens: an account's own {@code signInName}, or {@code {tenant}/{username}} for any
     * account of that tenant.
     */
    public Optional<LocalAccount> bySignInName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalAccount> named = em.createNamedQuery(LocalAccount.BY_SIGN_IN_NAME, LocalAccount.class)
                .setParameter("name", name).getResultStream().findFirst();
        if (named.isPresent()) {
            return named;
        }
        int separator = name.indexOf(TENANT_SEPARATOR);
        if (separator <= 0 || separator == name.length() - 1) {
            return Optional.empty();
        }
        String slug = name.substring(0, separator);
        if (!slug.matches(Tenant.SLUG_PATTERN)) {
            return Optional.empty();
        }
        return tenants.bySlug(slug).flatMap(t -> inTenant(t.getId(), name.substring(separator + 1)));
    }

    /** The tenant's account with this username (administrator or console password). */
    public Optional<LocalAccount> inTenant(long tenantId, String username) {
        return inScope(tenantId, username);
    }

    public Optional<LocalAccount> operator(String username) {
        return inScope(LocalAccount.OPERATOR_SCOPE, username);
    }

    /** Whether an operator may give this name to a new account that signs in without naming its tenant. */
    public boolean signInNameTaken(String name) {
        return em.createNamedQuery(LocalAccount.BY_SIGN_IN_NAME, LocalAccount.class).setParameter("name", name)
                .getResultStream().findFirst().isPresent();
    }

    /** What the account's owner types to sign in. */
    public String signInNameOf(LocalAccount account) {
        return account.signInName().orElseGet(() -> tenants.byId(account.getTenantId())
                .map(t -> t.getSlug() + TENANT_SEPARATOR + account.getUsername())
                .orElse(TENANT_SEPARATOR + account.getUsername()));
    }

    public long countOfKind(LocalAccountKind kind) {
        return em.createNamedQuery(LocalAccount.COUNT_OF_KIND, Long.class).setParameter("kind", kind).getSingleResult();
    }

    /** The web staff password account acting as this directory user, if there is one. */
    public Optional<LocalAccount> webStaffOf(long tenantId, long directoryUserId) {
        return em.createNamedQuery(LocalAccount.WEB_STAFF_OF_USER, LocalAccount.class).setParameter("tenantId", tenantId)
                .setParameter("userId", directoryUserId).getResultStream()
                .filter(a -> a.getKind() == LocalAccountKind.WEB_STAFF).findFirst();
    }

    public void remove(LocalAccount account) {
        em.remove(account);
        em.flush();
    }

    public void add(LocalAccount account) {
        em.persist(account);
        em.flush();
    }

    private Optional<LocalAccount> inScope(long scope, String username) {
        return em.createNamedQuery(LocalAccount.IN_SCOPE, LocalAccount.class).setParameter("scope", scope)
                .setParameter("username", username).getResultStream().findFirst();
    }
}
