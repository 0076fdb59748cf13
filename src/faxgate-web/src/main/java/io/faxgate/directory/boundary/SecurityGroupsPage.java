package io.faxgate.directory.boundary;

import io.faxgate.access.boundary.AdminTenant;
import io.faxgate.platform.boundary.PageErrors;
import io.faxgate.platform.boundary.PageErrors.Field;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Security groups: list, create by hand, rename the ones created here. Bindings to lines: the fax lines page. */
@Named
@ViewScoped
public class SecurityGroupsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SecurityGroupFacade groups;

    @Inject
    AdminTenant admin;

    private String slug;
    private List<SecurityGroupView> groupList = List.of();
    private String newExternalId;
    private String newDisplayName;
    private Long editedId;
    private String editedName;

    @PostConstruct
    void load() {
        slug = admin.getSlug();
        groupList = groups.list(slug);
    }

    public void create() {
        try {
            SecurityGroupView created = groups.create(slug, new NewSecurityGroup(newExternalId, newDisplayName));
            PageErrors.info("Group " + created.displayName() + " created.");
            newExternalId = null;
            newDisplayName = null;
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of("externalId", new Field("newGroup:externalId", "Object ID"),
                    "displayName", new Field("newGroup:displayName", "Display name")));
            return;
        }
        groupList = groups.list(slug);
    }

    public void edit(SecurityGroupView group) {
        editedId = group.id();
        editedName = group.displayName();
    }

    public void cancelEdit() {
        editedId = null;
    }

    public void saveName() {
        SecurityGroupView group = groupList.stream().filter(g -> g.id() == editedId).findFirst().orElse(null);
        if (group == null) {
            return;
        }
        try {
            groups.rename(slug, group.id(), new GroupRename(editedName, group.version()));
            PageErrors.info("Group renamed to " + editedName.strip() + ".");
            editedId = null;
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of("displayName", new Field("groups:editName", "Display name"),
                    "version", new Field(null, "Group")));
            return;
        }
        groupList = groups.list(slug);
    }

    public List<SecurityGroupView> getGroups() { return groupList; }
    public String getNewExternalId() { return newExternalId; }
    public void setNewExternalId(String newExternalId) { this.newExternalId = newExternalId; }
    public String getNewDisplayName() { return newDisplayName; }
    public void setNewDisplayName(String newDisplayName) { this.newDisplayName = newDisplayName; }
    public Long getEditedId() { return editedId; }
    public String getEditedName() { return editedName; }
    public void setEditedName(String editedName) { this.editedName = editedName; }
}
