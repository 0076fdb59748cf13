package io.faxgate.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.faxgate.tenant.control.Tenants;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * SCIM requests and their latency by tenant and status ({@code faxgate_scim_requests}), and every 429 answer by
 * area ({@code faxgate_rate_limit_refusals}: api, scim, sign-in, sso, other) — whichever limit refused it.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestMetrics extends HttpFilter {

    private static final Metadata SCIM = Metadata.builder().withName("faxgate_scim_requests")
            .withDescription("SCIM requests by tenant and HTTP status, with their duration").build();
    private static final Metadata REFUSED = Metadata.builder().withName("faxgate_rate_limit_refusals")
            .withDescription("Requests refused by a rate limit (HTTP 429), by area").build();

    private static final Logger LOG = Logger.getLogger(RequestMetrics.class.getName());

    @Inject
    MetricRegistry registry;

    @Inject
    Tenants tenants;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            record(request, response, start);
        }
    }

    /**
     * Counting must never change the answer: a failure here (the tenant look-up while the database is away) would
     * turn an already written 503 into a 500 with the error page appended, or mask the request's own exception.
     */
    private void record(HttpServletRequest request, HttpServletResponse response, long start) {
        try {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            int status = response.getStatus();
            if (status == 429) {
                registry.counter(REFUSED, new Tag("area", area(path))).inc();
            }
            if (path.startsWith("/scim/v2/")) {
                registry.timer(SCIM, new Tag("tenant", scimTenant(path, status)), new Tag("status", Integer.toString(status)))
                        .update(Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "request not counted", e);
        }
    }

    static String area(String path) {
        if (path.startsWith("/api/")) {
            return "api";
        }
        if (path.startsWith("/scim/")) {
            return "scim";
        }
        if (path.startsWith("/sso/")) {
            return "sso";
        }
        if (path.startsWith("/login") || path.startsWith("/j_security_check")) {
            return "sign-in";
        }
        return "other";
    }

    /**
     * The tenant segment of a SCIM path — only when it names a tenant: anyone can send any path, and a label per
     * invented slug would let them grow the metrics without bound.
     */
    String scimTenant(String path, int status) {
        String rest = path.substring("/scim/v2/".length());
        int slash = rest.indexOf('/');
        String slug = slash < 0 ? rest : rest.substring(0, slash);
        if (slug.isEmpty() || slug.length() > 63) {
            return "unknown";
        }
        if (status / 100 == 2) {
            return slug; // answered after authentication: the tenant exists
        }
        if (status == 503) {
            return "unknown"; // most likely the database is away: no look-up that would fail too
        }
        try {
            return tenants.bySlug(slug).isPresent() ? slug : "unknown";
        } catch (RuntimeException databaseAway) {
            return "unknown";
        }
    }
}
