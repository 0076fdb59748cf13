package io.faxgate.fax.boundary;

import io.faxgate.access.boundary.AdminTenant;
import io.faxgate.directory.boundary.SecurityGroupFacade;
import io.faxgate.directory.boundary.SecurityGroupView;
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

/** Fax lines: list, create, relabel, delete; which groups are bound to which line; who reaches what. */
@Named
@ViewScoped
public class FaxLinesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    FaxLineFacade lines;

    @EJB
    SecurityGroupFacade groups;

    @Inject
    AdminTenant admin;

    private String slug;
    private List<FaxLineView> lineList = List.of();
    private List<SecurityGroupView> groupList = List.of();
    private List<LineReach> reach = List.of();
    private boolean reachTruncated;
    private Long reachLineId;

    private String newNumber;
    private String newLabel;
    private Long editedId;
    private String editedLabel;

    @PostConstruct
    void load() {
        slug = admin.getSlug();
        reload();
    }

    private void reload() {
        lineList = lines.list(slug);
        groupList = groups.list(slug);
        ReachMatrix matrix = lines.reach(slug, reachLineId);
        reach = matrix.rows();
        reachTruncated = matrix.truncated();
    }

    public void create() {
        try {
            FaxLineView created = lines.create(slug, new NewFaxLine(trim(newNumber), newLabel));
            PageErrors.info("Fax line " + created.number() + " created.");
            newNumber = null;
            newLabel = null;
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of("number", new Field("newLine:number", "Number"),
                    "label", new Field("newLine:label", "Label")));
            return;
        }
        reload();
    }

    public void edit(FaxLineView line) {
        editedId = line.id();
        editedLabel = line.label();
    }

    public void cancelEdit() {
        editedId = null;
        editedLabel = null;
    }

    public void saveLabel() {
        FaxLineView line = lineList.stream().filter(l -> l.id() == editedId).findFirst().orElse(null);
        if (line == null) {
            return;
        }
        try {
            lines.update(slug, line.id(), new FaxLineChange(editedLabel, line.version()));
            PageErrors.info("Label of " + line.number() + " saved.");
            cancelEdit();
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of("label", new Field("lines:editLabel", "Label"), "version", new Field(null, "Fax line")));
            return;
        }
        reload();
    }

    public void delete(FaxLineView line) {
        try {
            lines.delete(slug, line.id());
            PageErrors.info("Fax line " + line.number() + " deleted.");
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of());
        }
        reload();
    }

    /** Binds or unbinds: the cell of the group × line grid. */
    public void toggle(SecurityGroupView group, FaxLineView line) {
        boolean bound = isBound(group, line);
        try {
            if (bound) {
                lines.unbind(slug, group.id(), line.id());
                PageErrors.info("Group " + group.displayName() + " no longer reaches " + line.number() + ".");
            } else {
                lines.bind(slug, group.id(), line.id());
                PageErrors.info("Group " + group.displayName() + " now reaches " + line.number() + ".");
            }
        } catch (RuntimeException e) {
            PageErrors.show(e, Map.of());
        }
        reload();
    }

    public boolean isBound(SecurityGroupView group, FaxLineView line) {
        return line.boundGroupIds().contains(group.id());
    }

    public void filterReach() {
        ReachMatrix matrix = lines.reach(slug, reachLineId);
        reach = matrix.rows();
        reachTruncated = matrix.truncated();
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    public List<FaxLineView> getLines() { return lineList; }
    public List<SecurityGroupView> getGroups() { return groupList; }
    public List<LineReach> getReach() { return reach; }
    public boolean isReachTruncated() { return reachTruncated; }
    public Long getReachLineId() { return reachLineId; }
    public void setReachLineId(Long reachLineId) { this.reachLineId = reachLineId; }
    public String getNewNumber() { return newNumber; }
    public void setNewNumber(String newNumber) { this.newNumber = newNumber; }
    public String getNewLabel() { return newLabel; }
    public void setNewLabel(String newLabel) { this.newLabel = newLabel; }
    public Long getEditedId() { return editedId; }
    public String getEditedLabel() { return editedLabel; }
    public void setEditedLabel(String editedLabel) { this.editedLabel = editedLabel; }
}
