package io.faxgate.directory.boundary;

import io.faxgate.access.boundary.DirectoryUserDetail;
import io.faxgate.access.boundary.UserDetailFacade;
import io.faxgate.access.boundary.AdminTenant;
import io.faxgate.access.boundary.ConsolePasswordCreated;
import io.faxgate.access.boundary.ConsolePasswordFacade;
import io.faxgate.access.boundary.ConsolePasswordView;
import io.faxgate.access.boundary.PermissionFacade;
import io.faxgate.access.boundary.UserPermissions;
import io.faxgate.access.entity.Permission;
import io.faxgate.platform.boundary.PageErrors;
import io.faxgate.platform.boundary.PageErrors.Field;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One user: groups, reachable lines, permissions with their sources; grant/revoke (the facade refuses in mode
 * "Authentication and permissions", the page then shows why) and (de)activation.
 */
@Named
@ViewScoped
public class UserDetailPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    DirectoryUserFacade users;

    @EJB
    UserDetailFacade userDetails;

    @EJB
    PermissionFacade permissions;

    @EJB
    ConsolePasswordFacade consolePasswords;

    @Inject
    AdminTenant admin;

    private String slug;
    private Long id;
    private DirectoryUserDetail detail;
    private UserPermissions held;
    private ConsolePasswordView consolePassword;
    private boolean consolePasswordsAvailable;
    /** A password just generated: shown once in this view, never again. */
    private ConsolePasswordCreated createdPassword;

    /** The row of the permission editor: every permission there is, held or not, with where it comes from. */
    public record Row(String permission, String description, boolean held, List<String> sources) implements Serializable {
    }

    /** f:viewAction: loads the user named by ?id=. */
    public void load() {
        if (slug == null) {
            slug = admin.getSlug();
        }
        if (id == null) {
            PageErrors.global(jakarta.faces.context.FacesContext.getCurrentInstance(), "No user chosen; open a user from User Maintenance.");
            return;
        }
        try {
            detail = userDetails.get(slug, id);
            held = permissions.of(slug, id);
            consolePassword = consolePasswords.of(slug, id).orElse(null);
            consolePasswordsAvailable = consolePasswords.available(slug);
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of());
            detail = null;
        }
    }

    /** Generates a web staff console password and shows it once. */
    public void setConsolePassword() {
        try {
            createdPassword = consolePasswords.set(slug, id);
            PageErrors.info("Console password set. Give it to " + createdPassword.username()
                    + " now: it is shown only this once.");
        } catch (RuntimeException e) {
            createdPassword = null;
            PageErrors.show(e, Map.of("scope", new Field(null, "Console password"),
                    "username", new Field(null, "Console password"), "active", new Field(null, "Console password"),
                    "permissions", new Field(null, "Console password")));
        }
        load();
    }

    public void removeConsolePassword() {
        try {
            consolePasswords.remove(slug, id);
            createdPassword = null;
            PageErrors.info("Console password removed: open sessions with it ended.");
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of());
        }
        load();
    }

    public List<Row> getRows() {
        if (held == null) {
            return List.of();
        }
        return Arrays.stream(Permission.values()).map(p -> held.permissions().stream()
                .filter(h -> h.permission().equals(p.name())).findFirst()
                .map(h -> new Row(p.name(), p.description(), true, h.sources()))
                .orElse(new Row(p.name(), p.description(), false, List.of()))).toList();
    }

    public void grant(String permission) {
        change(permission, true);
    }

    public void revoke(String permission) {
        change(permission, false);
    }

    private void change(String permission, boolean grant) {
        try {
            held = grant ? permissions.grant(slug, id, permission) : permissions.revoke(slug, id, permission);
            PageErrors.info((grant ? "Granted " : "Revoked ") + permission + ".");
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of("mode", new Field(null, "Permissions"), "permission", new Field(null, "Permission")));
            load();
        }
    }

    public void toggleActive() {
        DirectoryUserView user = detail.user();
        try {
            users.activate(slug, id, new UserActivation(!user.active(), user.version()));
            PageErrors.info(user.active() ? "User deactivated: their access ended at once." : "User activated.");
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of("version", new Field(null, "User")));
        }
        load();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public DirectoryUserDetail getDetail() { return detail; }
    public UserPermissions getHeld() { return held; }
    public ConsolePasswordView getConsolePassword() { return consolePassword; }
    public boolean isConsolePasswordsAvailable() { return consolePasswordsAvailable; }
    public ConsolePasswordCreated getCreatedPassword() { return createdPassword; }
}
