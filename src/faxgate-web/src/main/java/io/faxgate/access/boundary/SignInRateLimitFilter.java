package io.faxgate.access.boundary;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The per-address limit on sign-in attempts ({@code faxgate.sign-in.attempts-per-minute}) in front of the
 * sign-in endpoints: password form posts to {@code /login.xhtml} and SAML's {@code /sso/{tenant}/login} and
 * {@code /sso/{tenant}/acs}. Wrong HTTP Basic credentials count too ({@link FaxgateAuthenticationMechanism}).
 * Over the limit: 429 with Retry-After, before any password is checked or SAML message is parsed.
 */
@WebFilter(urlPatterns = {"/login.xhtml", "/sso/*"}, asyncSupported = true)
public class SignInRateLimitFilter extends HttpFilter {

    @EJB
    SignInLimits limits;

    /** Whether the request is a sign-in attempt: a form post to the sign-in page, or a SAML login or ACS call. */
    static boolean isSignInAttempt(String method, String path) {
        if (path.equals("/login.xhtml")) {
            return "POST".equals(method);
        }
        if (!path.startsWith("/sso/")) {
            return false;
        }
        // /sso/{tenant}/login, /sso/{tenant}/acs (single logout is not a sign-in)
        String rest = path.substring("/sso/".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        String endpoint = rest.substring(slash + 1);
        return endpoint.equals("login") || endpoint.equals("acs");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isSignInAttempt(request.getMethod(), path)) {
            Optional<Long> wait = limits.attempt(request.getRemoteAddr(), request.getMethod() + " " + path);
            if (wait.isPresent()) {
                tooManyAttempts(request, response, wait.get(), limits.perMinute());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** 429 with Retry-After: JSON for API clients, a short page for browsers. */
    static void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds,
                                int perMinute) throws IOException {
        String message = "Too many sign-in attempts from your address (at most " + perMinute
                + " per minute). Try again in " + retryAfterSeconds + " seconds.";
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setHeader("Cache-Control", "no-store");
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json") && !accept.contains("text/html")) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"" + message
                    + "\",\"fieldErrors\":[]}");
            return;
        }
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Too many"
                + " sign-in attempts – Faxgate</title></head><body><main><h1>Too many sign-in attempts</h1><p>"
                + message + "</p></main></body></html>");
    }
}
