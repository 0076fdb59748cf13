package io.faxgate.access.entity;

import java.util.EnumSet;
import java.util.Set;

/** What a person of a tenant may do. The enum names are the container role names (see {@link Roles}). */
public enum Permission {
    MANAGE_SSO(Area.ADMIN_TOOL, "Manage SSO settings"),
    MANAGE_USERS(Area.ADMIN_TOOL, "Manage users and their permissions"),
    MANAGE_FAX_LINES(Area.ADMIN_TOOL, "Manage fax lines and group bindings"),
    MANAGE_ROLE_MAPPINGS(Area.ADMIN_TOOL, "Manage role mappings"),
    VIEW_AUDIT_LOG(Area.ADMIN_TOOL, "View the audit log"),
    MANAGE_SCIM_TOKENS(Area.ADMIN_TOOL, "Manage SCIM tokens"),
    VIEW_FAXES(Area.WEB_STAFF, "View faxes on my lines"),
    SEND_FAXES(Area.WEB_STAFF, "Send faxes on my lines");

    /** The two parts of Faxgate a permission belongs to; SSO scope is chosen per part. */
    public enum Area { ADMIN_TOOL, WEB_STAFF }

    private final Area area;
    private final String description;

    Permission(Area area, String description) {
        this.area = area;
        this.description = description;
    }

    public Area area() {
        return area;
    }

    public String description() {
        return description;
    }

    public static Set<Permission> adminTool() {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        for (Permission p : values()) {
            if (p.area == Area.ADMIN_TOOL) {
                all.add(p);
            }
        }
        return all;
    }
}
