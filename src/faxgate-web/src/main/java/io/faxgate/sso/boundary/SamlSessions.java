package io.faxgate.sso.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pac4j.core.profile.CommonProfile;
import org.pac4j.core.profile.ProfileManager;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.JEEFrameworkParameters;
import org.pac4j.jee.context.session.JEESessionStoreFactory;

/**
 * The pac4j profile a SAML sign-in left in the HTTP session, if any. Its id is the Faxgate principal name; its
 * attributes remember the trust the sign-in rested on (all plain Strings and Longs: sessions are replicated).
 */
public final class SamlSessions {

    private static final String SIGNED_IN_AT = "signedInAt";
    private static final String IDP_SESSION_END = "sessionNotOnOrAfter";
    private static final String TRUSTED_CERTIFICATES = "trustedCertificates";

    private SamlSessions() {
    }

    public static Optional<UserProfile> profileOf(HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) == null) {
            return Optional.empty();
        }
        return new ProfileManager(new JEEContext(request, response),
                JEESessionStoreFactory.INSTANCE.newSessionStore(new JEEFrameworkParameters(request, response))).getProfile();
    }

    /** The tenant whose IdP signed this session in, for the single-logout link. */
    public static Optional<String> tenantOf(HttpServletRequest request, HttpServletResponse response) {
        return profileOf(request, response).flatMap(SamlSessions::tenantOf);
    }

    public static Optional<String> tenantOf(UserProfile profile) {
        return Optional.ofNullable(profile.getAttribute(TenantSamlClient.TENANT_ATTRIBUTE)).map(Object::toString);
    }

    /** At sign-in: when, until when the IdP allows the session, and which IdP certificates were trusted. */
    public static void rememberTrust(CommonProfile profile, Instant signedInAt, Optional<Instant> idpSessionEnd,
                              Set<String> trustedCertificates) {
        profile.addAttribute(SIGNED_IN_AT, signedInAt.toEpochMilli());
        idpSessionEnd.ifPresent(end -> profile.addAttribute(IDP_SESSION_END, end.toEpochMilli()));
        profile.addAttribute(TRUSTED_CERTIFICATES, String.join(",", trustedCertificates));
    }

    public static Optional<Instant> signedInAt(UserProfile profile) {
        return instant(profile.getAttribute(SIGNED_IN_AT));
    }

    /** The AuthnStatement's SessionNotOnOrAfter, when the IdP sent one. */
    public static Optional<Instant> idpSessionEnd(UserProfile profile) {
        return instant(profile.getAttribute(IDP_SESSION_END));
    }

    /** The SHA-256 thumbprints of the IdP certificates trusted when this session signed in. */
    public static Set<String> trustedAtSignIn(UserProfile profile) {
        Object value = profile.getAttribute(TRUSTED_CERTIFICATES);
        return value == null || value.toString().isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(value.toString().split(",")));
    }

    private static Optional<Instant> instant(Object epochMillis) {
        return epochMillis instanceof Number n ? Optional.of(Instant.ofEpochMilli(n.longValue())) : Optional.empty();
    }
}
