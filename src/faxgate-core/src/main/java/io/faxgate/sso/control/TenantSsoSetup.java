package io.faxgate.sso.control;

import io.faxgate.sso.entity.SpKeyUse;
import io.faxgate.sso.entity.SsoSettings;
import io.faxgate.tenant.control.TenantCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Every new tenant starts with SSO settings (off) and its own SP signing and encryption key pairs. */
@ApplicationScoped
public class TenantSsoSetup {

    @PersistenceContext
    EntityManager em;

    @Inject
    SpKeyPairIssuer spKeys;

    void created(@Observes @Priority(Interceptor.Priority.APPLICATION) TenantCreated e) {
        em.persist(new SsoSettings(e.tenant().getId(), e.at()));
        em.persist(spKeys.issue(e.tenant(), e.at()));
        em.persist(spKeys.issue(e.tenant(), SpKeyUse.ENCRYPTION, e.at()));
    }
}
