package io.faxgate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** A database that is away is an outage (503); a bug in a query is not. */
class DatabaseOutageTest {

    @Test
    void connectionFailuresDeepInTheChainAreOutages() {
        assertThat(DatabaseOutage.causedBy(new EJBException(new PersistenceException(
                new SQLException("Connection refused", "08001"))))).isTrue();
        assertThat(DatabaseOutage.causedBy(new PersistenceException(new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLTransientConnectionException("pool")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("Error in allocating a connection. Cause: refused")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.causedBy(new PersistenceException(new SQLException("syntax error", "42601")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new PersistenceException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutage.causedBy(null)).isFalse();
    }
}
