package io.faxgate.sso.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF token of the sign-out form: a random value kept in the session and posted back with the form. Another
 * site can make the browser post to {@code /sso/{tenant}/slo}, but it cannot read our page, so it cannot know the
 * token — and without it nobody is signed out.
 */
public final class LogoutToken {

    static final String PARAMETER = "token";
    private static final String ATTRIBUTE = "io.faxgate.logout-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LogoutToken() {
    }

    /** The session's token, created on first use (a String: sessions are replicated). */
    public static String of(HttpSession session) {
        Object existing = session.getAttribute(ATTRIBUTE);
        if (existing instanceof String token) {
            return token;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(ATTRIBUTE, token);
        return token;
    }

    /** Whether the request is a POST carrying this session's token. */
    static boolean presentIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String posted = request.getParameter(PARAMETER);
        if (!"POST".equals(request.getMethod()) || session == null || posted == null
                || !(session.getAttribute(ATTRIBUTE) instanceof String expected)) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), posted.getBytes(StandardCharsets.UTF_8));
    }
}
