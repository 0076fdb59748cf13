package io.faxgate.access.boundary;

import io.faxgate.access.entity.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the caller reaches the admin tool: holds any permission of {@link Permission.Area#ADMIN_TOOL}. The one
 * definition the start page, the console's header and the landing redirect use (web.xml's {@code /admin/*}
 * constraint cannot call code; {@code AdminToolRolesTest} holds it to the same set). Presentation only: web.xml and
 * the facades' {@code @RolesAllowed} enforce.
 */
@Named("adminTool")
@ApplicationScoped
public class AdminToolAccess {

    public static boolean reachableBy(HttpServletRequest request) {
        return reachableWith(request::isUserInRole);
    }

    /** The same rule for a caller whose roles are known without the container (see LandingServlet). */
    public static boolean reachableWith(java.util.function.Predicate<String> inRole) {
        return Permission.adminTool().stream().anyMatch(p -> inRole.test(p.name()));
    }

    /** For pages: {@code #{adminTool.reachable}}. */
    public boolean isReachable() {
        return reachableBy((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }
}
