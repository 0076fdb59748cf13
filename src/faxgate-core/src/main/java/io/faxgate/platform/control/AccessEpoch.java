package io.faxgate.platform.control;

import io.faxgate.platform.entity.AccessChangeSignal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;

/**
 * A value that changes whenever anything that decides access changes (memberships, bindings, mappings, grants,
 * users, accounts, settings). Cached access decisions remember the value they were computed at and are void once
 * it changed. It changes <em>after commit</em>, so no request can cache the old state under the new value.
 *
 * <p>Cluster-wide: the value is one entry on Payara's data grid, read on every {@link #current()} call (one grid
 * read, well under a millisecond on a LAN), so a change committed on one node is seen by every node on its next
 * request. Each change writes a fresh random number rather than incrementing: no compare-and-set is needed, and if
 * the grid ever loses the entry (a restart of every member, eviction) the value that replaces it is new too, so a
 * decision cached under an old value can never be mistaken for current. Within one request the value is read once
 * ({@link EpochOfThisRequest}) unless this member moves it meanwhile.
 */
@ApplicationScoped
public class AccessEpoch implements AccessChangeSignal {

    /**
     * The longest anything remembered under an unchanged epoch may be reused: the backstop for changes that bypassed
     * the application altogether (an operator's SQL, a restored backup), which no member could announce. Changes
     * through any member move the epoch and take effect on every member's next request.
     */
    public static final long UNANNOUNCED_CHANGE_BACKSTOP_NANOS = 10_000_000_000L;

    static final String CACHE = "faxgate-access-epoch";
    private static final String KEY = "epoch";

    private final SecureRandom random = new SecureRandom();
    /** Outside a container (unit tests, benchmarks) and when no data grid is there: this JVM only. */
    private final AtomicLong local = new AtomicLong();

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    GridCaches grid;

    private Cache<String, Long> shared;

    /** How often this member moved the epoch: voids what a request remembered of it. */
    private final AtomicLong movesHere = new AtomicLong();

    @Inject
    EpochOfThisRequest thisRequest;

    public AccessEpoch() {
    }

    /** On the given cache (tests: a real JCache implementation standing in for the grid). */
    AccessEpoch(Cache<String, Long> shared) {
        this.shared = shared;
    }

    @PostConstruct
    void join() {
        if (shared == null && grid != null) {
            shared = grid.<Long>expiringAfterWrite(CACHE, Duration.ofDays(1)).orElse(null);
        }
    }

    public long current() {
        if (shared == null) {
            return local.get();
        }
        long moves = movesHere.get();
        try {
            if (thisRequest != null && thisRequest.readAt(moves)) {
                return thisRequest.value();
            }
            long value = read();
            if (thisRequest != null) {
                thisRequest.remember(value, moves);
            }
            return value;
        } catch (ContextNotActiveException noRequest) {
            return read(); // a timer, an asynchronous task: no request to remember it for
        }
    }

    private long read() {
        Long value = shared.get(KEY);
        if (value != null) {
            return value;
        }
        long fresh = random.nextLong();
        return shared.putIfAbsent(KEY, fresh) ? fresh : Optional.ofNullable(shared.get(KEY)).orElse(fresh);
    }

    /** Moves the epoch when the current transaction commits (at once when there is none). */
    @Override
    public void changedInThisTransaction() {
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            changed();
            return;
        }
        if (transactions.getResource(AccessEpoch.class) != null) {
            return; // one change per transaction, however many rows it changes
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
                    changed();
                }
            }
        });
    }

    /** Moves the epoch now (also for tests and tools outside a container). */
    public void changed() {
        if (shared == null) {
            local.incrementAndGet();
            return;
        }
        long next;
        do {
            next = random.nextLong();
        } while (next == read()); // one in 2^64, but then the change would go unnoticed
        shared.put(KEY, next);
        movesHere.incrementAndGet();
    }
}
