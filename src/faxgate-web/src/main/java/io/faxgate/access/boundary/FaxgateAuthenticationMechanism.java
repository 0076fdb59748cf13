package io.faxgate.access.boundary;

import io.faxgate.platform.boundary.ClientAddress;
import io.faxgate.platform.boundary.DatabaseOutageAnswer;
import io.faxgate.platform.boundary.MetricsEndpoint;
import io.faxgate.platform.control.DatabaseOutage;

import io.faxgate.platform.boundary.ApiError;
import io.faxgate.platform.boundary.TooManyRequestsException;

import io.faxgate.sso.boundary.SamlSessions;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.pac4j.core.profile.UserProfile;

/**
 * Faxgate's one Jakarta Security mechanism. It makes the caller known to the container in three ways:
 * <ol>
 * <li>an interactive sign-in ({@code SecurityContext.authenticate} with a credential): the session id is renewed
 *     and the principal name is kept in the session;</li>
 * <li>HTTP Basic on API calls (stateless, no session);</li>
 * <li>a session from an earlier sign-in: the pac4j profile a SAML sign-in saved (its id is the principal name),
 *     or the principal a password sign-in kept.</li>
 * </ol>
 * In every case the roles are looked up afresh for this request, so a removed permission, a deactivated user or
 * a disabled account stops working on the very next request of a session that is already open; and so does a
 * session past its maximum age or whose SAML trust was withdrawn ({@link SessionTrust}).
 */
@ApplicationScoped
public class FaxgateAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Session attribute holding the principal name of a password sign-in. */
    public static final String SIGNED_IN_PRINCIPAL = "io.faxgate.principal";
    /** Session attribute: the credential stamp of the password it signed in with; a reset makes it stale. */
    static final String SIGNED_IN_CREDENTIAL = "io.faxgate.credential";
    private static final String BASIC = "Basic ";

    @EJB
    CallerFacade callers;

    @EJB
    SignInLimits limits;

    @Inject
    SessionTrust trust;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isMetricsScrape(request)) {
            // /metrics checks its own Basic credentials (user "metrics"): not a Faxgate sign-in, never counted or locked
            return context.doNothing();
        }
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            // the database is away (a restart): 503 + Retry-After, not a 500 — and no audit, which needs it too
            if (DatabaseOutage.causedBy(e) && DatabaseOutageAnswer.write(request, response)) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            throw e;
        }
    }

    private static boolean isMetricsScrape(HttpServletRequest request) {
        return MetricsEndpoint.PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return interactiveSignIn(request, context, password);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return basic(request, response, context, authorization.substring(BASIC.length()).trim());
        }
        HttpSession session = request.getSession(false);
        Optional<UserProfile> saml = SamlSessions.profileOf(request, response);
        Optional<String> samlPrincipal = saml.map(UserProfile::getId);
        if (session != null && samlPrincipal.isPresent()) {
            Optional<Set<String>> roles = trust.holds(saml.get()) ? callers.currentRoles(samlPrincipal.get()) : Optional.empty();
            if (roles.isPresent()) {
                return context.notifyContainerAboutLogin(samlPrincipal.get(), roles.get());
            }
            session.invalidate();
            session = null;
        }
        if (session != null && session.getAttribute(SIGNED_IN_PRINCIPAL) instanceof String principal) {
            Optional<Set<String>> roles = trust.holds(session) ? callers.currentRoles(principal,
                    (String) session.getAttribute(SIGNED_IN_CREDENTIAL)) : Optional.empty();
            if (roles.isPresent()) {
                return context.notifyContainerAboutLogin(principal, roles.get());
            }
            session.invalidate();
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + "/login.xhtml");
        }
        return context.doNothing();
    }

    private AuthenticationStatus interactiveSignIn(HttpServletRequest request, HttpMessageContext context,
                                                   UsernamePasswordCredential password) {
        Optional<String> principal = callers.authenticateLocal(password.getCaller(), password.getPassword().getValue(),
                true, ClientAddress.of(request));
        Optional<Set<String>> roles = principal.flatMap(callers::currentRoles);
        if (roles.isEmpty()) {
            // The sign-in page shows the message itself; no 401 error page.
            return AuthenticationStatus.SEND_FAILURE;
        }
        signIn(request, principal.get(), callers.credentialStamp(principal.get()).orElse(null));
        return context.notifyContainerAboutLogin(principal.get(), roles.get());
    }

    /**
     * Renews the session id (no session fixation) and remembers the principal, and the password it signed in with,
     * for later requests.
     */
    static void signIn(HttpServletRequest request, String principal, String credentialStamp) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SIGNED_IN_PRINCIPAL, principal);
        request.getSession().setAttribute(SIGNED_IN_CREDENTIAL, credentialStamp);
        SessionTrust.signedIn(request.getSession(), java.time.Instant.now());
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return challenge(response, context);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return challenge(response, context);
        }
        // An address over the sign-in limit (e.g. stuffing credentials) is refused before any password is checked.
        Optional<Long> blocked = limits.blocked(ClientAddress.of(request), "HTTP Basic");
        if (blocked.isPresent()) {
            return tooManyAttempts(request, response, blocked.get());
        }
        // Each password actually verified costs an attempt, counted BEFORE the check (in authenticateLocal), so
        // parallel requests cannot all pass; right passwords are remembered, so API clients rarely spend any.
        Optional<String> principal;
        try {
            principal = callers.authenticateLocal(decoded.substring(0, colon),
                    decoded.substring(colon + 1).toCharArray(), false, ClientAddress.of(request));
        } catch (TooManyRequestsException limited) {
            return tooManyAttempts(request, response, limited.retryAfterSeconds());
        }
        Optional<Set<String>> roles = principal.flatMap(callers::currentRoles);
        if (roles.isPresent()) {
            return context.notifyContainerAboutLogin(principal.get(), roles.get());
        }
        return challenge(response, context);
    }

    private AuthenticationStatus tooManyAttempts(HttpServletRequest request, HttpServletResponse response, long wait) {
        try {
            SignInRateLimitFilter.tooManyAttempts(request, response, wait, limits.perMinute());
        } catch (java.io.IOException ignored) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"faxgate\", charset=\"UTF-8\"");
        try {
            ApiError.write(response, jakarta.ws.rs.core.Response.Status.UNAUTHORIZED, "wrong username or password",
                    java.util.List.of());
        } catch (java.io.IOException ignored) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
