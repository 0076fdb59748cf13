package io.faxgate.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Start-up work that nodes of a cluster must take turns at (check-then-create) holds a row of {@code startup_lock}
 * until its transaction commits; another node's start-up waits, then sees the result.
 */
@ApplicationScoped
public class StartupLocks {

    @PersistenceContext
    EntityManager em;

    /** Blocks until the named lock is ours; held until the current transaction ends. */
    public void hold(String name) {
        em.createNativeQuery("SELECT name FROM startup_lock WHERE name = ? FOR UPDATE").setParameter(1, name)
                .getResultList();
    }
}
