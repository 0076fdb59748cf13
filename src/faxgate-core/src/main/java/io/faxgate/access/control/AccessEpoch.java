package io.faxgate.access.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter that moves whenever anything that decides access changes (memberships, bindings, mappings, grants,
 * users, accounts, settings). Cached access decisions remember the value they were computed at and are void once
 * it moved. It moves <em>after commit</em>, so no request can cache the old state under the new value.
 * (One JVM; a cluster would publish the bump, e.g. over Payara's Hazelcast topic — not done yet.)
 */
@ApplicationScoped
public class AccessEpoch {

    private final AtomicLong epoch = new AtomicLong();

    @Resource
    TransactionSynchronizationRegistry transactions;

    public long current() {
        return epoch.get();
    }

    /** Moves the epoch when the current transaction commits (at once when there is none). */
    public void changedInThisTransaction() {
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            epoch.incrementAndGet();
            return;
        }
        if (transactions.getResource(AccessEpoch.class) != null) {
            return; // one bump per transaction, however many rows it changes
        }
        transactions.putResource(AccessEpoch.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing: only a committed change may invalidate
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    epoch.incrementAndGet();
                }
            }
        });
    }

    /** For tests and tools outside a container. */
    public void changed() {
        epoch.incrementAndGet();
    }
}
