package io.faxgate.sso.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.pac4j.core.profile.ProfileManager;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.JEEFrameworkParameters;
import org.pac4j.jee.context.session.JEESessionStoreFactory;

/** The pac4j profile a SAML sign-in left in the HTTP session, if any. Its id is the Faxgate principal name. */
public final class SamlSessions {

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
        return profileOf(request, response).map(p -> p.getAttribute(TenantSamlClient.TENANT_ATTRIBUTE)).map(Object::toString);
    }
}
