package io.faxgate.audit.boundary;

import io.faxgate.audit.control.AuditQuery;

import io.faxgate.audit.control.AuditEventView;

import io.faxgate.access.boundary.AdminTenant;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.platform.boundary.PageErrors;
import io.faxgate.platform.boundary.PagedLazyModel;
import io.faxgate.operator.boundary.RetentionFacade;
import io.faxgate.operator.boundary.RetentionView;
import io.faxgate.platform.boundary.PageErrors.Field;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The tenant's audit log: filter by time (UTC), actor, type and outcome; page lazily; export CSV. */
@Named
@ViewScoped
public class AuditLogPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Field> FIELDS = Map.of(
            "from", new Field("filter:from", "From"), "to", new Field("filter:to", "To"),
            "actor", new Field("filter:actor", "Actor"), "outcome", new Field("filter:outcome", "Outcome"));

    @EJB
    AuditFacade audit;

    @EJB
    RetentionFacade retentionFacade;

    @Inject
    AdminTenant admin;

    private String slug;
    private LocalDateTime from;
    private LocalDateTime to;
    private String actor;
    private String type;
    private String outcome;
    private AuditQuery applied = AuditQuery.all();
    private List<String> types = List.of();
    private Events events;
    private RetentionView retention;

    @PostConstruct
    void load() {
        slug = admin.getSlug();
        types = audit.types();
        events = new Events();
        retention = retentionFacade.policy();
    }

    /** Lazily loaded page of events for the current filter. */
    public class Events extends PagedLazyModel<AuditEventView> {

        private static final long serialVersionUID = 1L;

        @Override
        protected Slice<AuditEventView> slice(int first, int max) {
            AuditPage page = audit.search(slug, applied, first / max, max);
            return new Slice<>(page.items(), page.total());
        }

        @Override
        protected int maxPageSize() {
            return AuditFacade.MAX_PAGE_SIZE;
        }

        @Override
        protected long idOf(AuditEventView e) {
            return e.id();
        }
    }

    /** Checks the filter with the facade first (so a bad range is named on its field), then shows it. */
    public void apply() {
        AuditQuery next = query();
        try {
            audit.search(slug, next, 0, 1);
        } catch (RuntimeException e) {
            PageErrors.show(e, FIELDS);
            return;
        }
        applied = next;
    }

    public void reset() {
        from = null;
        to = null;
        actor = null;
        type = null;
        outcome = null;
        applied = AuditQuery.all();
    }

    private AuditQuery query() {
        return new AuditQuery(utc(from), utc(to), blankToNull(actor), blankToNull(type), blankToNull(outcome));
    }

    /** Streams the filtered log as a CSV download (formula-safe cells: AuditFacade). */
    public void exportCsv() throws IOException {
        String csv;
        try {
            csv = audit.exportCsv(slug, query());
        } catch (RuntimeException e) {
            PageErrors.show(e, FIELDS);
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseContentLength(bytes.length + 3);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"faxgate-audit-" + slug + "-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC)) + ".csv\"");
        external.setResponseHeader("Cache-Control", "no-store");
        try (OutputStream out = external.getResponseOutputStream()) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM: spreadsheets then read UTF-8
            out.write(bytes);
        }
        faces.responseComplete();
    }

    private static Instant utc(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public List<String> getOutcomes() {
        return Arrays.stream(AuditOutcome.values()).map(Enum::name).toList();
    }

    public Events getEvents() { return events; }
    public RetentionView getRetention() { return retention; }
    public List<String> getTypes() { return types; }
    public LocalDateTime getFrom() { return from; }
    public void setFrom(LocalDateTime from) { this.from = from; }
    public LocalDateTime getTo() { return to; }
    public void setTo(LocalDateTime to) { this.to = to; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
}
