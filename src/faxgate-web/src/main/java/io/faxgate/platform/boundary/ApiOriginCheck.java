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
 * CSRF defence for the REST API (docs/decisions/0012). A browser attaches ambient credentials — the session cookie,
 * and HTTP Basic credentials it cached after a Basic prompt — to requests any other site makes it send. So for every
 * unsafe request (POST, PUT, PATCH, DELETE) that arrives with a signed-in caller, whatever the credentials:
 * <ol>
 * <li>Origin (or, when a browser left it out, Referer) is checked <em>whenever present</em>: it must name the
 *     configured {@code faxgate.public-base-url} or the origin the request was addressed to; foreign or malformed
 *     → 403. Browsers send Origin on every cross-site POST; API clients and scripts send none.</li>
 * <li>Without Origin and Referer, a session-cookie request is refused (403): browsers send Origin on their own
 *     non-GET requests, so only a forged or very old-browser request lacks it. HTTP Basic without Origin is an API
 *     client and passes.</li>
 * <li>A body of a type an HTML form or a no-CORS fetch can send cross-site without a preflight
 *     ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}, {@code text/plain}) is refused (415):
 *     the API takes JSON, so such a body only comes from a forged form — also from a browser too old to send Origin.
 *     (No /api endpoint takes form bodies; one that must would rely on rule 1.)</li>
 * </ol>
 * Not affected: safe methods; requests without a signed-in caller (SCIM has its own application and bearer tokens;
 * the carrier webhook authenticates each call by its HMAC signature and has no signed-in caller).
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
        Verdict verdict = verdict(request.getMethod(), request.getUserPrincipal() != null,
                request.getHeader("Authorization") != null, claimedOrigin(request), request.getContentType(),
                originOf(publicBaseUrl.value()), requestOrigin(request));
        if (verdict == Verdict.CROSS_SITE) {
            LOG.fine(() -> "refused cross-origin " + request.getMethod() + " " + request.getRequestURI() + " (Origin "
                    + request.getHeader("Origin") + ", Referer " + request.getHeader("Referer") + ")");
            ApiError.write(response, jakarta.ws.rs.core.Response.Status.FORBIDDEN, "cross-site request refused: a"
                    + " browser request must carry an Origin header naming this site",
                    java.util.List.of(new FieldError("Origin", "missing or not this site")));
            return;
        }
        if (verdict == Verdict.FORM_BODY) {
            ApiError.write(response, jakarta.ws.rs.core.Response.Status.UNSUPPORTED_MEDIA_TYPE, "the API takes JSON"
                    + " bodies (Content-Type: application/json); form and plain-text bodies are refused",
                    java.util.List.of(new FieldError("Content-Type", "must be application/json")));
            return;
        }
        chain.doFilter(request, response);
    }

    enum Verdict { PASS, CROSS_SITE, FORM_BODY }

    /**
     * The rules above. Checked: unsafe requests with a signed-in caller — by session cookie or Authorization header
     * alike (the authentication mechanism has run before any filter; a stale cookie or a wrong password gives no
     * caller, changes nothing and gets the usual 401).
     *
     * @param claimed what the request says it comes from ({@link #claimedOrigin}), null when it says nothing
     * @param ours    the configured public origin and the origin the request was addressed to (either may be null)
     */
    static Verdict verdict(String method, boolean signedIn, boolean authorizationHeader, String claimed,
                           String contentType, String... ours) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT)) || !signedIn) {
            return Verdict.PASS;
        }
        if (claimed == null ? !authorizationHeader : !isOurs(originOf(claimed), ours)) {
            return Verdict.CROSS_SITE;
        }
        return formContentType(contentType) ? Verdict.FORM_BODY : Verdict.PASS;
    }

    private static boolean isOurs(String origin, String... ours) {
        if (origin == null) {
            return false;
        }
        for (String candidate : ours) {
            if (origin.equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Origin, else Referer; null when the request names neither. Browsers send Origin on every cross-site and on
     * same-origin non-GET fetches; Referer is the fallback for the odd one that does not (our Referrer-Policy
     * no-referrer makes ours absent, hence Origin first). {@code Origin: null} (sandboxed frames, some redirects) is
     * a browser hiding where it comes from: present, and never ours.
     */
    static String claimedOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.isBlank()) {
            String referer = request.getHeader("Referer");
            return "null".equals(origin.strip()) && referer != null && !referer.isBlank() ? referer : origin;
        }
        String referer = request.getHeader("Referer");
        return referer == null || referer.isBlank() ? null : referer;
    }

    /** The types a cross-site HTML form or no-CORS fetch can send without a CORS preflight. */
    static boolean formContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        return type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data")
                || type.equals("text/plain");
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
