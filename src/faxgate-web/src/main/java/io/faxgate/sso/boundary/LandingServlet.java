package io.faxgate.sso.boundary;

import io.faxgate.access.boundary.AdminToolAccess;
import io.faxgate.platform.entity.Roles;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where a sign-in lands when it named no page of ours (no {@code target}, no usable RelayState): platform operators on
 * their overview, staff who may only work with faxes straight in the staff console; administrators and everyone
 * else on the start page. The password sign-in (SignInPage) lands the same way.
 * The roles are the caller's current permissions, as the authentication mechanism handed them to the container.
 */
@WebServlet(urlPatterns = LandingServlet.PATH)
public class LandingServlet extends HttpServlet {

    static final String PATH = "/start";
    static final String CONSOLE = "/console/";
    public static final String OPERATOR_OVERVIEW = "/operator/overview.xhtml";
    static final String START_PAGE = "/";

    /** The page a sign-in lands on: operators on the platform overview (what needs their attention). */
    static String landingFor(HttpServletRequest request) {
        return landingFor(request.getUserPrincipal() != null, request::isUserInRole);
    }

    /** The same decision for roles known without a container caller (the ACS, right after the sign-in). */
    static String landingFor(java.util.Set<String> roles) {
        return landingFor(true, roles::contains);
    }

    private static String landingFor(boolean signedIn, java.util.function.Predicate<String> inRole) {
        if (signedIn && inRole.test(Roles.OPERATOR)) {
            return OPERATOR_OVERVIEW;
        }
        return worksOnlyWithFaxes(signedIn, inRole) ? CONSOLE : START_PAGE;
    }

    /** Signed in with fax permissions and nothing administrative: the staff console is their whole Faxgate. */
    public static boolean worksOnlyWithFaxes(HttpServletRequest request) {
        return worksOnlyWithFaxes(request.getUserPrincipal() != null, request::isUserInRole);
    }

    private static boolean worksOnlyWithFaxes(boolean signedIn, java.util.function.Predicate<String> inRole) {
        // Anything beyond the faxes (operating, any admin-tool permission) keeps the start page with its links.
        if (!signedIn || inRole.test(Roles.OPERATOR)
                || AdminToolAccess.reachableWith(inRole)) {
            return false;
        }
        return inRole.test(Roles.VIEW_FAXES) || inRole.test(Roles.SEND_FAXES);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + landingFor(request));
    }
}
