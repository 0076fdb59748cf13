package io.faxgate.platform.entity;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * JPA listener on every entity that decides access: any insert, update or delete moves the access-change signal ({@link AccessChangeSignal}, implemented by {@code AccessEpoch}),
 * whichever service made it (REST, SCIM, SAML sign-in, admin pages). Bulk JPQL statements bypass listeners and
 * must call {@code AccessEpoch.changedInThisTransaction()} themselves.
 */
public class AccessChangeListener {

    /**
     * Looked up once per listener (the persistence unit makes one per entity class and drops it at undeploy):
     * {@code CDI.current()} walks the caller's stack to find its bean manager, and a first sign-in persists some twenty
     * rows — that lookup was ≈ 4 % of the server's CPU during first sign-ins (docs/performance.md).
     */
    private volatile AccessChangeSignal signal;

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        AccessChangeSignal epoch = signal;
        if (epoch == null) {
            try {
                epoch = CDI.current().select(AccessChangeSignal.class).get();
            } catch (IllegalStateException noContainer) {
                return; // plain JPA (schema tests, tools): no caches to invalidate
            }
            signal = epoch;
        }
        epoch.changedInThisTransaction();
    }
}
