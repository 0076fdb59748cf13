package io.faxgate.sso.boundary;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.exception.http.HttpAction;
import org.pac4j.core.exception.http.WithLocationAction;
import org.pac4j.core.http.adapter.HttpActionAdapter;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.http.adapter.JEEHttpActionAdapter;

/**
 * Sign-out is a form post; browsers check a redirect that follows a form post against the page's CSP
 * {@code form-action}, which names only us and https. So the way on to the IdP's logout (with our LogoutRequest) is a
 * short page that navigates there itself, not a 302; redirects within Faxgate stay redirects.
 */
final class OnToIdpLogout implements HttpActionAdapter {

    @Override
    public Object adapt(HttpAction action, WebContext context) {
        if (action instanceof WithLocationAction located && located.getLocation().regionMatches(true, 0, "http", 0, 4)
                && context instanceof JEEContext jee) {
            String url = SsoPages.escape(located.getLocation());
            try {
                HttpServletResponse response = jee.getNativeResponse();
                SsoPages.write(response, HttpServletResponse.SC_OK, "Signing out",
                        "<meta http-equiv=\"refresh\" content=\"0;url=" + url + "\"><h1>Signing out</h1>"
                                + "<p>You are signed out of Faxgate. <a id=\"idpLogout\" href=\"" + url
                                + "\">Continue to your company's sign-out</a>.</p>");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }
        return JEEHttpActionAdapter.INSTANCE.adapt(action, context);
    }
}
