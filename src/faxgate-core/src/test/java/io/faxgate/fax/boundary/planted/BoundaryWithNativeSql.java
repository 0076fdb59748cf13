package io.faxgate.fax.boundary.planted;

import jakarta.persistence.EntityManager;

/** Planted violation for RulesCatchViolationsTest (never in main code): native SQL in a facade instead of its control. */
public class BoundaryWithNativeSql {

    int purge(EntityManager em) {
        return em.createNativeQuery("DELETE FROM fax").executeUpdate();
    }
}
