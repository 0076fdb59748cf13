package io.faxgate.access.boundary;

import io.faxgate.sso.boundary.SsoServlet;
import io.faxgate.platform.boundary.ClientAddress;
import io.faxgate.platform.boundary.ApiError;
import jakarta.ws.rs.core.Response;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-address limit on sign-in attempts ({@code faxgate.sign-in.attempts-per-minute}) in front of the
 * sign-in endpoints: password form posts to {@code /login.xhtml} and SAML's {@code /sso/{tenant}/login} and
 * {@code /sso/{tenant}/acs}. Wrong HTTP Basic credentials count too ({@link FaxgateAuthenticationMechanism}).
 * Over the limit: 429 with Retry-After, before any password is checked or SAML message is parsed.
 *
 * <p>A SAML sign-in is one attempt, not two: the identity provider's POST to the ACS is answered with the self-posting
 * page without reading the response (SameSite, see SsoServlet), and only the page's own POST — the one that validates
 * the response, recognisable by {@link SsoServlet#BOUNCED} — is counted and refused over the limit. Counting both
 * halved what a company behind one NAT address could sign in per minute, and refusing the first protects nothing.
 */
@WebFilter(urlPatterns = {"/login.xhtml", "/sso/*"}, asyncSupported = true)
public class SignInRateLimitFilter extends HttpFilter {

    @EJB
    SignInLimits limits;

    /** What SsoServlet serves as a login or ACS call (its own pattern is stricter, so nothing slips past). */
    private static final Pattern SSO_SIGN_IN = Pattern.compile("/sso/[^/]+/(login|acs)/?");

    /**
     * Whether the request is a sign-in attempt: a form post to the sign-in page (by servlet path, so path
     * parameters such as {@code ;x=y} change nothing), or a SAML login or ACS call (by the raw path within the
     * application, which is what SsoServlet parses).
     */
    static boolean isSignInAttempt(String method, String servletPath, String path, BooleanSupplier reachesValidation) {
        if ("/login.xhtml".equals(servletPath)) {
            return "POST".equals(method);
        }
        if (!"/sso".equals(servletPath)) {
            return false;
        }
        Matcher signIn = SSO_SIGN_IN.matcher(path);
        return signIn.matches() && ("login".equals(signIn.group(1)) || !"POST".equals(method) || reachesValidation.getAsBoolean());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isSignInAttempt(request.getMethod(), request.getServletPath(), path, () -> reachesValidation(request))) {
            Optional<Long> wait = limits.attempt(ClientAddress.of(request), request.getMethod() + " " + path);
            if (wait.isPresent()) {
                tooManyAttempts(request, response, wait.get(), limits.perMinute());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether an ACS post is one whose response gets validated: it comes from the self-posting page. Its form is read
     * only when it is small enough for the ACS to read it anyway: a body of unknown or too large a size counts as an
     * attempt unread, so the ACS can still refuse it (413) without anyone parsing it first.
     */
    private static boolean reachesValidation(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length < 0 || length > SsoServlet.MAX_ACS_POST_BYTES || request.getParameter(SsoServlet.BOUNCED) != null;
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
            ApiError.write(response, Response.Status.TOO_MANY_REQUESTS, message, List.of());
            return;
        }
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Too many"
                + " sign-in attempts – Faxgate</title></head><body><main><h1>Too many sign-in attempts</h1><p>"
                + message + "</p></main></body></html>");
    }
}
