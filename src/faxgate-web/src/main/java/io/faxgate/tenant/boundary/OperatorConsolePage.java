package io.faxgate.tenant.boundary;

import io.faxgate.access.boundary.NewTenantAdmin;
import io.faxgate.access.boundary.TenantAdminCreated;
import io.faxgate.access.boundary.TenantAdminFacade;
import io.faxgate.audit.control.AuditEventView;
import io.faxgate.audit.boundary.AuditFacade;
import io.faxgate.audit.control.AuditQuery;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.platform.boundary.PageErrors;
import io.faxgate.platform.boundary.PageErrors.Field;
import io.faxgate.sso.boundary.SsoSettingsFacade;
import io.faxgate.sso.boundary.SsoSettingsView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The platform operator's console: tenants (create, rename, allow SSO), a tenant's first administrator (a generated
 * password is shown once), and a tenant's SSO status with its latest refused sign-ins.
 */
@Named
@ViewScoped
public class OperatorConsolePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TenantFacade tenants;

    @EJB
    TenantAdminFacade admins;

    @EJB
    SsoSettingsFacade sso;

    @EJB
    AuditFacade audit;

    private List<TenantView> list = List.of();
    private TenantView selected;
    private SsoSettingsView ssoStatus;
    private List<AuditEventView> signInErrors = List.of();

    private String newSlug;
    private String newName;
    private boolean newSsoAllowed;

    private String editName;
    private boolean editSsoAllowed;

    private String adminUsername;
    private String adminPassword;
    private boolean adminBreakGlass;
    private TenantAdminCreated createdAdmin;

    @PostConstruct
    void load() {
        list = newestFirst(tenants.list());
    }

    public void create() {
        createdAdmin = null;
        try {
            TenantView created = tenants.create(new NewTenant(newSlug == null ? null : newSlug.strip(), newName, newSsoAllowed));
            PageErrors.info("Tenant " + created.slug() + " created. Next: create its first administrator.");
            newSlug = null;
            newName = null;
            newSsoAllowed = false;
            list = newestFirst(tenants.list());
            select(created);
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of("slug", new Field("newTenant:slug", "Slug"), "name", new Field("newTenant:name", "Name")));
        }
    }

    public void select(TenantView tenant) {
        createdAdmin = null;
        selected = tenants.get(tenant.slug());
        editName = selected.name();
        editSsoAllowed = selected.ssoAllowed();
        adminUsername = null;
        adminPassword = null;
        adminBreakGlass = false;
        loadStatus();
    }

    private void loadStatus() {
        ssoStatus = sso.get(selected.slug());
        List<AuditEventView> errors = new ArrayList<>();
        for (String outcome : List.of("FAILURE", "DENIED")) {
            errors.addAll(audit.search(selected.slug(), new AuditQuery(null, null, null, AuditTypes.SAML_SIGN_IN, outcome), 0, 10).items());
        }
        errors.sort(Comparator.comparing(AuditEventView::occurredAt).reversed());
        signInErrors = errors.size() > 10 ? errors.subList(0, 10) : errors;
    }

    public void save() {
        createdAdmin = null;
        try {
            selected = tenants.update(selected.slug(), new TenantChange(editName, editSsoAllowed, selected.version()));
            PageErrors.info("Tenant " + selected.slug() + " saved" + (selected.ssoAllowed() ? "; SSO is allowed." : "; SSO is not allowed."));
            list = newestFirst(tenants.list());
            loadStatus();
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of("name", new Field("tenant:name", "Name"), "version", new Field(null, "Tenant")));
        }
    }

    public void createAdmin() {
        createdAdmin = null;
        String password = adminPassword == null || adminPassword.isEmpty() ? null : adminPassword;
        try {
            createdAdmin = admins.createAdmin(selected.slug(), new NewTenantAdmin(adminUsername == null ? null : adminUsername.strip(),
                    password, adminBreakGlass));
            PageErrors.info("Administrator " + createdAdmin.username() + " created.");
            adminUsername = null;
            adminPassword = null;
            adminBreakGlass = false;
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of("username", new Field("admin:username", "Username"),
                    "password", new Field("admin:password", "Password")));
        }
    }

    /** Shown once: the page forgets it on the next action (only a hash is stored). */
    public void dismissPassword() {
        createdAdmin = null;
    }

    public List<TenantView> getTenants() { return list; }

    /** Operators mostly work on the tenants they set up lately: those come first, on the table's first page. */
    private static List<TenantView> newestFirst(List<TenantView> tenants) {
        return tenants.stream().sorted(java.util.Comparator.comparing(TenantView::createdAt).reversed()).toList();
    }
    public TenantView getSelected() { return selected; }
    public SsoSettingsView getSsoStatus() { return ssoStatus; }
    public List<AuditEventView> getSignInErrors() { return signInErrors; }
    public TenantAdminCreated getCreatedAdmin() { return createdAdmin; }
    public String getNewSlug() { return newSlug; }
    public void setNewSlug(String newSlug) { this.newSlug = newSlug; }
    public String getNewName() { return newName; }
    public void setNewName(String newName) { this.newName = newName; }
    public boolean isNewSsoAllowed() { return newSsoAllowed; }
    public void setNewSsoAllowed(boolean newSsoAllowed) { this.newSsoAllowed = newSsoAllowed; }
    public String getEditName() { return editName; }
    public void setEditName(String editName) { this.editName = editName; }
    public boolean isEditSsoAllowed() { return editSsoAllowed; }
    public void setEditSsoAllowed(boolean editSsoAllowed) { this.editSsoAllowed = editSsoAllowed; }
    public String getAdminUsername() { return adminUsername; }
    public void setAdminUsername(String adminUsername) { this.adminUsername = adminUsername; }
    public String getAdminPassword() { return adminPassword; }
    public void setAdminPassword(String adminPassword) { this.adminPassword = adminPassword; }
    public boolean isAdminBreakGlass() { return adminBreakGlass; }
    public void setAdminBreakGlass(boolean adminBreakGlass) { this.adminBreakGlass = adminBreakGlass; }
}
