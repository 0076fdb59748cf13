package io.faxgate.platform.boundary;

import io.faxgate.platform.control.PublicBaseUrl;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * CSRF defence for the REST API when a browser calls it with the session cookie (docs/decisions/0012): an unsafe
 * request (POST, PUT, PATCH, DELETE) authenticated by the session — no Authorization header — must say where it
 * comes from, and that must be us. The Origin header (or, when a browser left it out, the Referer) has to name
 * the configured {@code faxgate.public-base-url} or the origin the request itself was addressed to; missing or
 * foreign → 403. SameSite=Lax on the cookie stays as the second layer.
 *
 * <p>Not affected: safe methods; requests with an Authorization header (HTTP Basic API clients — a browser cannot
 * add that header to a cross-site request without a CORS preflight, which we never grant); requests without a
 * signed-in caller (SCIM has its own application and bearer tokens; the carrier webhook authenticates each call by
 * its HMAC signature and has no signed-in caller, even if its HTTP client kept a cookie).
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ApiOriginCheck extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(ApiOriginCheck.class.getName());
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    PublicBaseUrl publicBaseUrl;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (needsCheck(request) && !sameOrigin(request)) {
            LOG.fine(() -> "refused cross-origin " + request.getMethod() + " " + request.getRequestURI() + " (Origin "
                    + request.getHeader("Origin") + ", Referer " + request.getHeader("Referer") + ")");
            ApiError.write(response, jakarta.ws.rs.core.Response.Status.FORBIDDEN, "cross-site request refused: a request"
                    + " made with the session cookie must carry an Origin header naming this site",
                    java.util.List.of(new FieldError("Origin", "missing or not this site")));
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Unsafe, and authenticated by the session cookie rather than by an Authorization header. The authentication
     * mechanism has run before any filter, so a caller known here without an Authorization header came with the
     * session; a stale cookie (no caller) changes nothing and gets the usual 401/403.
     */
    static boolean needsCheck(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))
                && request.getHeader("Authorization") == null
                && request.getUserPrincipal() != null;
    }

    private boolean sameOrigin(HttpServletRequest request) {
        String claimed = request.getHeader("Origin");
        if (claimed == null || claimed.isBlank() || "null".equals(claimed)) {
            // Browsers send Origin on every cross-site and on same-origin non-GET fetches; Referer is the fallback
            // for the odd one that does not (our Referrer-Policy no-referrer makes ours absent, hence Origin first).
            claimed = request.getHeader("Referer");
        }
        String origin = originOf(claimed);
        if (origin == null) {
            return false;
        }
        return origin.equals(originOf(publicBaseUrl.value())) || origin.equals(requestOrigin(request));
    }

    /** The request's own scheme://host[:port] as the browser addressed it (the Host header). */
    static String requestOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host == null ? null : originOf(request.getScheme() + "://" + host);
    }

    /** scheme://host[:port] in lower case, the default port left out; null when not an absolute http(s) URL. */
    static String originOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
