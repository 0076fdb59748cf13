package io.faxgate.access.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;

/**
 * The signed-in caller as the admin panel needs it: their tenant and which sections to show. Which sections are
 * shown is presentation only; web.xml and the facades' @RolesAllowed enforce.
 */
@Named
@RequestScoped
public class AdminTenant {

    @EJB
    CallerFacade callers;

    private CallerView me;

    public CallerView getMe() {
        if (me == null) {
            me = callers.me();
        }
        return me;
    }

    /** The caller's tenant; the admin panel always works on it (operators use the operator console). */
    public String getSlug() {
        return getMe().tenant();
    }

    public boolean has(String permission) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(permission);
    }

    public List<String> getPermissions() {
        return getMe().permissions();
    }
}
