package io.faxgate.access.boundary;

import io.faxgate.access.entity.Permission;
import io.faxgate.platform.boundary.PageErrors;
import io.faxgate.platform.boundary.PageErrors.Field;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Role mappings: which Entra app role value or group object id grants which Faxgate permission. */
@Named
@ViewScoped
public class RoleMappingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    RoleMappingFacade mappings;

    @Inject
    AdminTenant admin;

    private String slug;
    private List<RoleMappingView> list = List.of();
    private String claimValue;
    private String permission;

    @PostConstruct
    void load() {
        slug = admin.getSlug();
        list = mappings.list(slug);
    }

    public void create() {
        try {
            RoleMappingView created = mappings.create(slug, new NewRoleMapping(claimValue, permission));
            PageErrors.info(created.claimValue() + " now grants " + created.permission() + ".");
            claimValue = null;
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of("claimValue", new Field("newMapping:claimValue", "App role value or group object ID"),
                    "permission", new Field("newMapping:permission", "Permission")));
            return;
        }
        list = mappings.list(slug);
    }

    public void delete(RoleMappingView mapping) {
        try {
            mappings.delete(slug, mapping.id());
            PageErrors.info("Mapping " + mapping.claimValue() + " → " + mapping.permission() + " deleted.");
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of());
        }
        list = mappings.list(slug);
    }

    public List<String> getPermissions() {
        return Arrays.stream(Permission.values()).map(Enum::name).toList();
    }

    public List<RoleMappingView> getMappings() { return list; }
    public String getClaimValue() { return claimValue; }
    public void setClaimValue(String claimValue) { this.claimValue = claimValue; }
    public String getPermission() { return permission; }
    public void setPermission(String permission) { this.permission = permission; }
}
