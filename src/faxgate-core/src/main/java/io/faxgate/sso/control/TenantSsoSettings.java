package io.faxgate.sso.control;

import io.faxgate.sso.entity.SsoConfiguration;
import io.faxgate.sso.entity.SsoSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Reads a tenant's SSO settings; a tenant without a row has the defaults (SSO off). */
@ApplicationScoped
public class TenantSsoSettings {

    @PersistenceContext
    EntityManager em;

    public Optional<SsoSettings> of(long tenantId) {
        return em.createNamedQuery(SsoSettings.OF_TENANT, SsoSettings.class).setParameter("tenantId", tenantId)
                .getResultStream().findFirst();
    }

    public SsoConfiguration configurationOf(long tenantId) {
        return of(tenantId).map(SsoSettings::configuration).orElse(SsoConfiguration.defaults());
    }
}
