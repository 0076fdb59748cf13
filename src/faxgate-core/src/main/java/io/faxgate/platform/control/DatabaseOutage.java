package io.faxgate.platform.control;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that means "the database is not reachable right now" (a restart, a failover, a network cut)
 * as opposed to a bug: such requests are answered 503 with Retry-After, not 500, and clients retry.
 */
public final class DatabaseOutage {

    /** What we tell clients to wait: a PostgreSQL restart or failover takes seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (isConnectionFailure(current)) {
                return true;
            }
            if (current instanceof SQLException sql && sql.getNextException() != null && isConnectionFailure(sql.getNextException())) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        // Payara's pool: "Error in allocating a connection" (ResourceAllocationException / PoolingException)
        String name = t.getClass().getName();
        return name.endsWith(".ResourceAllocationException") || name.endsWith(".PoolingException")
                || t instanceof SQLException && String.valueOf(t.getMessage()).startsWith("Error in allocating a connection");
    }
}
