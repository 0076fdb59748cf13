package io.faxgate.fax.control.planted;

import jakarta.persistence.EntityManager;
import javax.sql.DataSource;

/** Planted violation for RulesCatchViolationsTest (never in main code): SQL past the JPA layer and outside control. */
public class ControlUsingJdbc {

    DataSource dataSource;

    int purge(EntityManager em) {
        return em.createNativeQuery("DELETE FROM fax").executeUpdate();
    }
}
