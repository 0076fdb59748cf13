package io.faxgate.fax.boundary;

import io.faxgate.platform.control.AccessEpoch;
import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.platform.entity.Roles;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.directory.control.SecurityGroups;
import io.faxgate.directory.entity.SecurityGroup;
import io.faxgate.fax.control.FaxLines;
import io.faxgate.fax.entity.FaxLine;
import io.faxgate.platform.boundary.ConflictException;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;

/** Fax lines of a tenant and their bindings to security groups. */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.MANAGE_FAX_LINES})
public class FaxLineFacade {

    @PersistenceContext
    EntityManager em;

    @Inject
    TenantAccess access;

    @Inject
    FaxLines lines;

    @Inject
    SecurityGroups groups;

    @Inject
    io.faxgate.fax.control.Faxes faxes;

    @Inject
    AuditTrail audit;

    @Inject
    AccessEpoch epoch;

    @Inject
    Clock clock;

    public List<FaxLineView> list(String slug) {
        return lines.ofTenant(access.tenant(slug).getId()).stream().map(FaxLineView::of).toList();
    }

    public FaxLineView get(String slug, long id) {
        return FaxLineView.of(lines.get(access.tenant(slug).getId(), id));
    }

    public FaxLineView create(String slug, @NotNull(message = "body is required") @Valid NewFaxLine request) {
        Tenant tenant = access.tenant(slug);
        if (lines.numberTaken(request.number())) {
            throw new ConflictException("number", "fax number " + request.number() + " is already in use");
        }
        FaxLine line = new FaxLine(tenant.getId(), request.number(), request.label().strip(), clock.instant());
        lines.add(line);
        audit.record(tenant.getId(), AuditTypes.FAX_LINE_CREATED, AuditOutcome.SUCCESS, line.getNumber(), line.getLabel());
        return FaxLineView.of(line);
    }

    public FaxLineView update(String slug, long id, @NotNull(message = "body is required") @Valid FaxLineChange change) {
        Tenant tenant = access.tenant(slug);
        FaxLine line = lines.get(tenant.getId(), id);
        if (line.getVersion() != change.version()) {
            throw ConflictException.staleVersion("fax line", change.version(), line.getVersion());
        }
        String before = line.getLabel();
        line.relabel(change.label().strip());
        em.flush();
        audit.record(tenant.getId(), AuditTypes.FAX_LINE_UPDATED, AuditOutcome.SUCCESS, line.getNumber(),
                "label " + before + " -> " + line.getLabel());
        return FaxLineView.of(line);
    }

    public void delete(String slug, long id) {
        Tenant tenant = access.tenant(slug);
        FaxLine line = lines.get(tenant.getId(), id);
        if (faxes.anyOnLine(tenant.getId(), id)) {
            // Faxes are business records; a line with history stays (relabel it, or unbind its groups).
            throw new ConflictException("id", "fax line " + line.getNumber() + " has faxes and cannot be deleted;"
                    + " unbind its groups to take it out of use");
        }
        lines.remove(line);
        audit.record(tenant.getId(), AuditTypes.FAX_LINE_DELETED, AuditOutcome.SUCCESS, line.getNumber(), null);
    }

    public static final int MAX_REACH_ROWS = 2000;

    /**
     * The matrix "which users reach which line through which group" — the same join the access decision uses
     * (a user reaches a line when a group of theirs is bound to it). Bounded: large tenants filter by line.
     */
    public ReachMatrix reach(String slug, Long lineId) {
        Tenant tenant = access.tenant(slug);
        var query = em.createQuery("""
                select l.id, l.number, l.label, g.id, g.displayName, u.id, u.userName, u.active
                from FaxLine l join l.boundGroups g, GroupMembership m, DirectoryUser u
                where l.tenantId = :tenantId and m.tenantId = :tenantId and u.tenantId = :tenantId
                and m.securityGroupId = g.id and m.directoryUserId = u.id""" + (lineId == null ? "" : " and l.id = :lineId")
                + " order by l.number, u.userName, g.displayName", Object[].class)
                .setParameter("tenantId", tenant.getId())
                .setMaxResults(MAX_REACH_ROWS + 1);
        if (lineId != null) {
            query.setParameter("lineId", lineId);
        }
        List<LineReach> rows = query.getResultStream().map(r -> new LineReach((Long) r[0], (String) r[1], (String) r[2],
                (Long) r[3], (String) r[4], (Long) r[5], (String) r[6], (Boolean) r[7])).toList();
        boolean truncated = rows.size() > MAX_REACH_ROWS;
        return new ReachMatrix(truncated ? rows.subList(0, MAX_REACH_ROWS) : rows, truncated);
    }

    /** Idempotent: binding an already bound group changes nothing and writes no audit event. */
    public FaxLineView bind(String slug, long groupId, long lineId) {
        Tenant tenant = access.tenant(slug);
        SecurityGroup group = groups.get(tenant.getId(), groupId);
        FaxLine line = lines.get(tenant.getId(), lineId);
        if (line.bind(group)) {
            em.flush();
            epoch.changedInThisTransaction();
            audit.record(tenant.getId(), AuditTypes.GROUP_LINE_BOUND, AuditOutcome.SUCCESS, line.getNumber(),
                    "group " + group.getDisplayName() + " (" + group.getExternalId() + ")");
        }
        return FaxLineView.of(line);
    }

    public FaxLineView unbind(String slug, long groupId, long lineId) {
        Tenant tenant = access.tenant(slug);
        SecurityGroup group = groups.get(tenant.getId(), groupId);
        FaxLine line = lines.get(tenant.getId(), lineId);
        if (line.unbind(group)) {
            em.flush();
            epoch.changedInThisTransaction();
            audit.record(tenant.getId(), AuditTypes.GROUP_LINE_UNBOUND, AuditOutcome.SUCCESS, line.getNumber(),
                    "group " + group.getDisplayName() + " (" + group.getExternalId() + ")");
        }
        return FaxLineView.of(line);
    }
}
