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
        if (request.getUserPrincipal() != null && request.isUserInRole(Roles.OPERATOR)) {
            return OPERATOR_OVERVIEW;
        }
        return worksOnlyWithFaxes(request) ? CONSOLE : START_PAGE;
    }

    /** Signed in with fax permissions and nothing administrative: the staff console is their whole Faxgate. */
    public static boolean worksOnlyWithFaxes(HttpServletRequest request) {
        // Anything beyond the faxes (operating, any admin-tool permission) keeps the start page with its links.
        if (request.getUserPrincipal() == null || request.isUserInRole(Roles.OPERATOR)
                || AdminToolAccess.reachableBy(request)) {
            return false;
        }
        return request.isUserInRole(Roles.VIEW_FAXES) || request.isUserInRole(Roles.SEND_FAXES);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + landingFor(request));
    }
}
