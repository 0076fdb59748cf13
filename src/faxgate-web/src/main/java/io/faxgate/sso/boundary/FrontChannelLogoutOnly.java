package io.faxgate.sso.boundary;

import java.util.Optional;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.logout.handler.SessionLogoutHandler;

/**
 * pac4j's default handler tracks sessions (in a Guava cache) for back-channel logout, which SAML over the browser
 * does not use: the IdP's logout request arrives in the user's own browser, with the session cookie, and
 * {@link SsoServlet} ends that session itself. Nothing to record here.
 */
final class FrontChannelLogoutOnly implements SessionLogoutHandler {

    @Override
    public void recordSession(CallContext ctx, String key) {
        // front-channel only: no session registry
    }

    @Override
    public void destroySession(CallContext ctx, String key) {
        // front-channel only: the session at hand is ended by the logout logic itself
    }

    @Override
    public void renewSession(CallContext ctx, String oldSessionId) {
        // nothing recorded, nothing to move
    }

    @Override
    public Optional<String> cleanRecord(String sessionId) {
        return Optional.empty();
    }
}
