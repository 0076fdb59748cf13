package io.faxgate.sso.control;

import io.faxgate.platform.control.GridCaches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;

/**
 * The single-logout requests we sent and still expect an answer to, by request id, on the cluster's data grid: the
 * IdP's answer may come back through any node. An id is forgotten when answered or after {@link #ANSWER_WITHIN};
 * the grid cache is bounded, and a forgotten id only means its answer is not recognised (fails closed: the local
 * logout already happened, the person just sees that their company's sign-in did not confirm).
 */
@ApplicationScoped
public class PendingLogouts {

    static final Duration ANSWER_WITHIN = Duration.ofMinutes(10);
    private static final int MAX_IN_THIS_JVM = 10_000;

    @Inject
    GridCaches grid;

    private Cache<String, String> shared;
    /** Without a data grid (unit tests): this JVM only. */
    private final Map<String, String> local = new ConcurrentHashMap<>();

    @PostConstruct
    void join() {
        shared = grid == null ? null : grid.<String>expiringAfterWrite("faxgate-saml-pending-logouts", ANSWER_WITHIN)
                .orElse(null);
    }

    public void sent(String requestId) {
        if (shared != null) {
            shared.put(requestId, "");
        } else if (local.size() < MAX_IN_THIS_JVM) {
            local.put(requestId, "");
        }
    }

    /**
     * The ids still awaiting an answer. Walks the grid cache: single logouts are rare and the cache is bounded, and
     * the SAML engine wants the set rather than a look-up.
     */
    public Set<String> outstanding() {
        if (shared == null) {
            return Set.copyOf(local.keySet());
        }
        Set<String> ids = new HashSet<>();
        for (Cache.Entry<String, String> entry : shared) {
            ids.add(entry.getKey());
        }
        return ids;
    }

    public void answered(String requestId) {
        if (requestId == null) {
            return;
        }
        if (shared != null) {
            shared.remove(requestId);
        } else {
            local.remove(requestId);
        }
    }
}
