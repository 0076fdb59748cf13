package io.faxgate.audit.boundary;

import io.faxgate.audit.control.AuditVerification;

import io.faxgate.audit.control.AuditQuery;

import io.faxgate.audit.control.AuditEventView;

import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.platform.entity.Roles;
import io.faxgate.audit.control.AuditCsv;
import io.faxgate.audit.control.AuditLog;
import io.faxgate.audit.control.AuditSealing;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.control.AuditVerifier;
import io.faxgate.audit.entity.AuditChain;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.platform.boundary.FieldError;
import io.faxgate.platform.boundary.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tenant's audit log: paged, filtered reads, CSV export and the chain's verification. Operators read any
 * tenant's, admins with the audit-viewing permission their own; the platform's events (no tenant) only operators.
 */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.VIEW_AUDIT_LOG})
public class AuditFacade {

    public static final int MAX_PAGE_SIZE = 200;
    /** An export is a file for a spreadsheet, not a backup: bounded so one click cannot exhaust the server. */
    public static final int MAX_EXPORT_ROWS = 50_000;

    @Inject
    TenantAccess access;

    @Inject
    AuditLog log;

    @EJB
    AuditSealing sealing;

    @EJB
    AuditVerifier verifier;

    public AuditPage search(String slug, AuditQuery query, int page, int size) {
        checkPaging(query, page, size);
        return page(access.tenant(slug).getId(), query, page, size);
    }

    /** Events without a tenant: operator actions, sign-ins of unknown usernames, rate-limit refusals. */
    @RolesAllowed(Roles.OPERATOR)
    public AuditPage searchPlatform(AuditQuery query, int page, int size) {
        checkPaging(query, page, size);
        return page(null, query, page, size);
    }

    /**
     * Seals what is committed, then walks the tenant's chain. Not in the caller's transaction: the walk holds the
     * chain's lock in a transaction of its own, as short as the walk.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditVerification verify(String slug) {
        return verifyChain(AuditChain.keyOf(access.tenant(slug).getId()));
    }

    @RolesAllowed(Roles.OPERATOR)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditVerification verifyPlatform() {
        return verifyChain(AuditChain.PLATFORM);
    }

    private AuditVerification verifyChain(long key) {
        sealing.sealChain(key);
        return verifier.verify(key);
    }

    private AuditPage page(Long tenantId, AuditQuery query, int page, int size) {
        List<AuditEventView> items = log.find(tenantId, query, page * size, size).stream().map(AuditEventView::of).toList();
        return new AuditPage(items, page, size, log.count(tenantId, query));
    }

    private static void checkPaging(AuditQuery query, int page, int size) {
        List<FieldError> errors = new ArrayList<>(validate(query));
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The filtered log as CSV (newest first, at most {@link #MAX_EXPORT_ROWS} rows), safe to open in a spreadsheet. */
    public String exportCsv(String slug, AuditQuery query) {
        List<FieldError> errors = validate(query);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long tenantId = access.tenant(slug).getId();
        return AuditCsv.write(log.find(tenantId, query, 0, MAX_EXPORT_ROWS).stream().map(AuditEventView::of).toList());
    }

    /** The event types there are, for the filter's choices. */
    public List<String> types() {
        return AuditTypes.all();
    }

    private static List<FieldError> validate(AuditQuery query) {
        List<FieldError> errors = new ArrayList<>();
        if (query == null) {
            return errors;
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            errors.add(new FieldError("to", "must be after 'from'"));
        }
        if (query.outcome() != null && !query.outcome().isBlank()
                && Arrays.stream(AuditOutcome.values()).noneMatch(o -> o.name().equals(query.outcome().strip()))) {
            errors.add(new FieldError("outcome", "must be one of " + Arrays.toString(AuditOutcome.values())));
        }
        if (query.actor() != null && query.actor().length() > 300) {
            errors.add(new FieldError("actor", "must be at most 300 characters"));
        }
        return errors;
    }
}
