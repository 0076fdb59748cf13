package io.faxgate.fax.boundary;

import io.faxgate.platform.entity.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;

/**
 * The staff console: the fax lines the signed-in person reaches through their security groups, and the chosen
 * line's faxes. Every request asks the facade again, so a line whose group the person left disappears on the next
 * refresh (the page polls every few seconds) with a note saying why — its faxes and documents are then "not found".
 */
@Named
@ViewScoped
public class StaffConsolePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How often the page re-reads lines and statuses. */
    public static final int POLL_SECONDS = 3;
    /** Polling stops after this many polls without anyone using the page (10 minutes), so an idle session can expire. */
    static final int MAX_IDLE_POLLS = 600 / POLL_SECONDS;
    private static final int MAX_NOTICES = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Something that changed while the page was open, shown until dismissed. */
    public record Notice(boolean warning, String text) implements Serializable {
    }

    @EJB
    FaxFacade faxes;

    private List<FaxLineView> lines = List.of();
    private FaxLazyModel faxModel;
    private final List<Notice> notices = new ArrayList<>();
    private int idlePolls;

    @PostConstruct
    void load() {
        faxModel = new FaxLazyModel(faxes);
        lines = faxes.myLines();
        faxModel.showLine(lines.isEmpty() ? null : lines.get(0).id());
    }

    /** The p:poll: like {@link #refresh()}, but counts towards stopping when nobody uses the page. */
    public void poll() {
        idlePolls++;
        reload();
        if (isPollStopped()) {
            PrimeFaces.current().ajax().update("poll", "pollNote");
        }
    }

    /** The Refresh button (and every other action of the person): re-read lines and faxes, restart polling. */
    public void refresh() {
        boolean wasStopped = isPollStopped();
        idlePolls = 0;
        reload();
        if (wasStopped) {
            PrimeFaces.current().ajax().update("poll", "pollNote");
        }
    }

    public void select(FaxLineView line) {
        openLine(line.id());
    }

    /**
     * Re-reads the lines and shows this one if the person still reaches it: a line chosen from the list, or after
     * sending the line the fax was sent from, whose table now holds it.
     */
    void openLine(long lineId) {
        idlePolls = 0;
        reload();
        if (contains(lines, lineId)) {
            showLine(lineId);
        }
    }

    public void dismissNotices() {
        notices.clear();
    }

    private void showLine(long lineId) {
        if (faxModel.getLineId() == null || faxModel.getLineId() != lineId) {
            faxModel.showLine(lineId);
            if (FacesContext.getCurrentInstance().getViewRoot().findComponent("faxes:table") instanceof DataTable table) {
                table.setFirst(0);
            }
        }
    }

    private void reload() {
        List<FaxLineView> now = faxes.myLines();
        for (FaxLineView before : lines) {
            if (!contains(now, before.id())) {
                notice(true, "You no longer have access to line " + describe(before) + ": your group membership changed,"
                        + " so its faxes and documents are no longer available to you.");
            }
        }
        for (FaxLineView line : now) {
            if (!contains(lines, line.id())) {
                notice(false, "You now have access to line " + describe(line) + ".");
            }
        }
        boolean changed = !ids(now).equals(ids(lines));
        lines = now;
        Long shown = faxModel.getLineId();
        if (shown == null || !contains(now, shown) || faxModel.isLineLost()) {
            faxModel.showLine(now.isEmpty() ? null : now.get(0).id());
        }
        if (changed && isCanSend()) {
            PrimeFaces.current().ajax().update("send:fromField");
        }
    }

    private void notice(boolean warning, String text) {
        notices.add(0, new Notice(warning, text));
        while (notices.size() > MAX_NOTICES) {
            notices.remove(notices.size() - 1);
        }
    }

    private static boolean contains(List<FaxLineView> lines, long id) {
        return lines.stream().anyMatch(l -> l.id() == id);
    }

    private static Set<Long> ids(List<FaxLineView> lines) {
        return lines.stream().map(FaxLineView::id).collect(Collectors.toSet());
    }

    static String describe(FaxLineView line) {
        return line.number() + " (" + line.label() + ")";
    }

    /** Times as the console shows them, in UTC like the rest of Faxgate. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public List<FaxLineView> getLines() {
        return lines;
    }

    public FaxLineView getSelectedLine() {
        Long id = faxModel.getLineId();
        return id == null ? null : lines.stream().filter(l -> l.id() == id).findFirst().orElse(null);
    }

    public boolean isSelected(FaxLineView line) {
        Long id = faxModel.getLineId();
        return id != null && id == line.id();
    }

    public FaxLazyModel getFaxes() {
        return faxModel;
    }

    public List<Notice> getNotices() {
        return notices;
    }

    public boolean isPollStopped() {
        return idlePolls >= MAX_IDLE_POLLS;
    }

    public int getPollSeconds() {
        return POLL_SECONDS;
    }

    public boolean isCanView() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.VIEW_FAXES);
    }

    public boolean isCanSend() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.SEND_FAXES);
    }
}
