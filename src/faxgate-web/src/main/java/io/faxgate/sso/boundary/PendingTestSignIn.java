package io.faxgate.sso.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * An admin's test sign-in in flight, kept in that admin's own session: the AuthnRequest it sent, the RelayState
 * that marks the answer as the test's, who started it and for which settings. The answer counts as the test only in
 * the same session, for the same tenant, with the same RelayState, answering exactly that request, within
 * {@link #MAX_AGE} — and it is used once. A test never signs anybody in: the admin keeps their own session.
 */
public record PendingTestSignIn(TestSignInTicket ticket, String requestId, String relayState, String principal,
                                Instant startedAt) implements Serializable {

    static final String SESSION_KEY = "faxgate.sso.testSignIn";
    /** RelayState of a test; real sign-ins carry a page of ours or nothing. */
    static final String RELAY_PREFIX = "fgtest-";
    static final Duration MAX_AGE = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    static String newRelayState() {
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        return RELAY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    static boolean looksLikeTest(String relayState) {
        return relayState != null && relayState.startsWith(RELAY_PREFIX);
    }

    void keepIn(HttpSession session) {
        session.setAttribute(SESSION_KEY, this);
    }

    /**
     * The session's pending test this answer belongs to, removed from the session (one use); empty when anything
     * differs: another tenant, another RelayState, another signed-in person, too old.
     */
    static Optional<PendingTestSignIn> claim(HttpServletRequest request, String slug, String relayState, Instant now) {
        HttpSession session = request.getSession(false);
        if (session == null || relayState == null || !(session.getAttribute(SESSION_KEY) instanceof PendingTestSignIn p)) {
            return Optional.empty();
        }
        if (!p.matches(slug, relayState, request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName(), now)) {
            return Optional.empty();
        }
        session.removeAttribute(SESSION_KEY);
        return Optional.of(p);
    }

    boolean matches(String slug, String relayState, String signedIn, Instant now) {
        return ticket.slug().equals(slug)
                && java.security.MessageDigest.isEqual(this.relayState.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        relayState.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                && principal.equals(signedIn)
                && !now.isAfter(startedAt.plus(MAX_AGE));
    }
}
