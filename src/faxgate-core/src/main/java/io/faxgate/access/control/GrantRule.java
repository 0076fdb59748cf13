package io.faxgate.access.control;

import io.faxgate.access.entity.Caller;
import io.faxgate.access.entity.Permission;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.platform.boundary.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who may hand out which permission — the one rule behind permission grants and revocations, role mappings and
 * console passwords (whoever holds a console password acts with all of the user's permissions):
 * <ul>
 * <li>operators may hand out everything;</li>
 * <li>nobody changes their own permissions (a grant to oneself, a mapping of one's own app role or group);</li>
 * <li>an admin-tool permission is handed out (granted, revoked, mapped, or reached through a console password) only
 *     by someone who holds it: otherwise a user manager makes herself, or a friend, an SSO administrator.</li>
 * </ul>
 * The web staff permissions ({@link Permission.Area#WEB_STAFF}: reading and sending faxes) are what user and role
 * managers exist to hand out; the tenant's own administrator accounts do not read faxes themselves, yet must be able
 * to give staff their console.
 */
@ApplicationScoped
public class GrantRule {

    @Inject
    AuditTrail audit;

    /** Why this caller may not hand out these permissions, or nothing when they may. */
    public static Optional<String> refusal(Caller caller, Collection<Permission> permissions, boolean ownPermissions) {
        if (caller.isOperator()) {
            return Optional.empty();
        }
        if (ownPermissions) {
            return Optional.of("you cannot change your own permissions; ask another administrator");
        }
        String missing = permissions.stream()
                .filter(p -> p.area() == Permission.Area.ADMIN_TOOL && !caller.permissions().contains(p))
                .map(Enum::name).distinct().sorted().collect(Collectors.joining(", "));
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("you can only hand out admin-tool permissions you hold yourself (you do not hold " + missing + ")");
    }

    /**
     * Refuses (403 on {@code field}, audited as {@code PERMISSION_CHANGE_REFUSED}) unless {@link #refusal} allows.
     *
     * @param target    what the change is about, for the audit log (a userName, a claim value)
     * @param attempted what was tried, for the audit log ("grant MANAGE_SSO")
     */
    public void enforce(Caller caller, Long tenantId, String field, String target, String attempted,
                        Collection<Permission> permissions, boolean ownPermissions) {
        Optional<String> refusal = refusal(caller, permissions, ownPermissions);
        if (refusal.isPresent()) {
            audit.recordIndependently(tenantId, caller.principalName(), AuditTypes.PERMISSION_CHANGE_REFUSED,
                    AuditOutcome.DENIED, target, attempted + ": " + refusal.get(), null);
            throw new ForbiddenException(field, refusal.get());
        }
    }
}
