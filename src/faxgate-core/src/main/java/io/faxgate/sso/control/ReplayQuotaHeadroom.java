package io.faxgate.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many more replay marks this node may write for a tenant before it counts the tenant's unexpired marks again.
 * Counting is the expensive part of a mark (an index range of up to the quota's size, on every sign-in); the quota
 * only bounds storage (decision 0014), so it need not be counted while it is far away.
 *
 * <p>After each count a node may write a tenth of the headroom it saw without counting. Near the quota the
 * allowance is zero and every mark counts, as before; nodes that keep signing people in stop at the quota. The worst
 * case is nodes that counted long ago and kept their allowance unused while others filled the table: with up to ten
 * nodes their allowances add up to less than one quota, so storage stays below twice the quota (0014's quota bounds
 * storage; it is not a security boundary, and replay is still decided by the primary key alone). A count that
 * includes expired, not yet purged marks only makes the next count sooner. Kept per JVM on purpose: it is an
 * estimate of the shared table, never a decision — the table is.
 */
@ApplicationScoped
public class ReplayQuotaHeadroom {

    /** Share of the counted headroom one node may use without counting. */
    static final int SHARE = 10;

    private final Map<Long, AtomicLong> allowance = new ConcurrentHashMap<>();

    /** True when a mark may be written without counting (and uses up one of the allowance). */
    public boolean take(long tenantId) {
        AtomicLong left = allowance.get(tenantId);
        return left != null && left.getAndDecrement() > 0;
    }

    /** Remembers a fresh count of the tenant's unexpired marks. */
    public void counted(long tenantId, long unexpired, int quota) {
        allowance.put(tenantId, new AtomicLong(Math.max(0, (quota - unexpired - 1) / SHARE)));
    }
}
