package io.faxgate.sso.control;

import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.sso.entity.SpKeyPair;
import io.faxgate.sso.entity.SpKeyUse;
import io.faxgate.tenant.entity.Tenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * A tenant's SP key pairs by use. Tenants created before signing and encryption keys were separated get their
 * encryption pair on first need; the tenant row is locked meanwhile, so two nodes never create two.
 */
@Stateless
public class SpEncryptionKey {

    @PersistenceContext
    EntityManager em;

    @Inject
    SpKeyPairIssuer issuer;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public static Optional<SpKeyPair> active(EntityManager em, long tenantId, SpKeyUse use) {
        return em.createNamedQuery(SpKeyPair.ACTIVE_OF_TENANT, SpKeyPair.class).setParameter("tenantId", tenantId)
                .setParameter("use", use).setMaxResults(1).getResultStream().findFirst();
    }

    /** The tenant's active encryption key pair, created (sealed, audited) in its own transaction when missing. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SpKeyPair ensureFor(long tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
        Optional<SpKeyPair> existing = active(em, tenantId, SpKeyUse.ENCRYPTION);
        if (existing.isPresent()) {
            return existing.get();
        }
        SpKeyPair created = issuer.issue(tenant, SpKeyUse.ENCRYPTION, clock.instant());
        em.persist(created);
        audit.record(tenantId, AuditTypes.SSO_SETTINGS_CHANGED, AuditOutcome.SUCCESS, tenant.getSlug(),
                "SP encryption key pair created (separate from the signing key)");
        return created;
    }
}
