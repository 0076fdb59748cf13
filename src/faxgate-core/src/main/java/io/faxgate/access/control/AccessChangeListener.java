package io.faxgate.access.control;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * JPA listener on every entity that decides access: any insert, update or delete moves the {@link AccessEpoch},
 * whichever service made it (REST, SCIM, SAML sign-in, admin pages). Bulk JPQL statements bypass listeners and
 * must call {@link AccessEpoch#changedInThisTransaction()} themselves.
 */
public class AccessChangeListener {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        AccessEpoch epoch;
        try {
            epoch = CDI.current().select(AccessEpoch.class).get();
        } catch (IllegalStateException noContainer) {
            return; // plain JPA (schema tests, tools): no caches to invalidate
        }
        epoch.changedInThisTransaction();
    }
}
