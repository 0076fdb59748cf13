package io.faxgate.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Secure response headers on everything we serve.
 *
 * <p>Content-Security-Policy: scripts only from our origin — no inline scripts. Faces pages are the exception in
 * form, not in strength: PrimeFaces runs in CSP mode ({@code primefaces.CSP} in web.xml) and sends the same policy
 * itself with a per-response nonce appended to {@code script-src}, so its generated inline scripts run and nothing
 * else inline does. Sending our header there too would block those nonce scripts (every policy is enforced), so
 * Faces page responses carry PrimeFaces' header only. {@code style-src 'unsafe-inline'} remains because
 * PrimeFaces' widgets and themes set inline style attributes; no {@code 'unsafe-eval'}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    /** Also in web.xml ({@code primefaces.CSP_POLICY}) for Faces pages, where PrimeFaces adds the nonce. */
    static final String POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self' https:;"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'";

    /** A page rendered by the Faces servlet (not a Faces resource such as a .js or .css file). */
    static boolean isFacesPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.endsWith(".xhtml") && !path.startsWith("/jakarta.faces.resource/")
                || path.equals("/") || path.equals("/admin/") || path.equals("/operator/") || path.equals("/console/"); // welcome files (index.xhtml)
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!isFacesPage(request)) {
            response.setHeader("Content-Security-Policy", POLICY);
        }
        if (ClientAddress.secure(request)) { // also behind a TLS-terminating proxy of ours
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/scim/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
