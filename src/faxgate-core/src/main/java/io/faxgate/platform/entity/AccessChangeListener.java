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

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        AccessChangeSignal epoch;
        try {
            epoch = CDI.current().select(AccessChangeSignal.class).get();
        } catch (IllegalStateException noContainer) {
            return; // plain JPA (schema tests, tools): no caches to invalidate
        }
        epoch.changedInThisTransaction();
    }
}
