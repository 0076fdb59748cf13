package io.faxgate.access.boundary;

import io.faxgate.sso.boundary.SamlConfigurations;
import io.faxgate.sso.boundary.SamlSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pac4j.core.profile.UserProfile;

/**
 * Whether a signed-in session may go on, checked by {@link FaxgateAuthenticationMechanism} on each of its requests
 * next to the roles: no session lives longer than {@code faxgate.session.max-age} (ISO-8601 duration, default
 * {@code PT12H}) after its sign-in, and a SAML session also ends when the trust it came from is withdrawn — the
 * tenant's SSO switched off, the operator no longer allowing it, an IdP certificate trusted at sign-in removed — or
 * when the IdP's {@code SessionNotOnOrAfter} has passed.
 */
@ApplicationScoped
public class SessionTrust {

    /** Session attribute: when a password sign-in happened (epoch milliseconds; a Long, sessions are replicated). */
    static final String SIGNED_IN_AT = "io.faxgate.signed-in-at";

    @Inject
    @ConfigProperty(name = "faxgate.session.max-age", defaultValue = "PT12H")
    Duration maxAge;

    @Inject
    SamlConfigurations sso;

    Clock clock = Clock.systemUTC();

    /** A session opened by a password sign-in: only its age counts (the credential stamp is checked with the roles). */
    boolean holds(HttpSession session) {
        return session.getAttribute(SIGNED_IN_AT) instanceof Long at
                && withinMaxAge(Instant.ofEpochMilli(at), clock.instant(), maxAge);
    }

    /** A session opened by a SAML sign-in: its age, the IdP's session end, and the tenant's trust now. */
    boolean holds(UserProfile saml) {
        Instant now = clock.instant();
        Optional<Instant> signedInAt = SamlSessions.signedInAt(saml);
        if (signedInAt.isEmpty() || !withinMaxAge(signedInAt.get(), now, maxAge)
                || SamlSessions.idpSessionEnd(saml).filter(end -> !now.isBefore(end)).isPresent()) {
            return false;
        }
        Set<String> atSignIn = SamlSessions.trustedAtSignIn(saml);
        Optional<Set<String>> current = SamlSessions.tenantOf(saml).flatMap(sso::trustedCertificates);
        return !atSignIn.isEmpty() && current.isPresent() && current.get().containsAll(atSignIn);
    }

    static boolean withinMaxAge(Instant signedInAt, Instant now, Duration maxAge) {
        return now.isBefore(signedInAt.plus(maxAge));
    }

    static void signedIn(HttpSession session, Instant at) {
        session.setAttribute(SIGNED_IN_AT, at.toEpochMilli());
    }
}
