package io.faxgate.directory.boundary;

import io.faxgate.tenant.control.TenantAccess;
import io.faxgate.platform.entity.Roles;
import io.faxgate.audit.control.AuditTrail;
import io.faxgate.audit.control.AuditTypes;
import io.faxgate.audit.entity.AuditOutcome;
import io.faxgate.directory.control.ScimTokens;
import io.faxgate.directory.entity.ScimToken;
import io.faxgate.platform.boundary.InvalidInputException;
import io.faxgate.platform.boundary.NotFoundException;
import io.faxgate.platform.control.PublicBaseUrl;
import io.faxgate.tenant.entity.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** The tenant's SCIM bearer tokens: issue (clear text shown once), list (never a secret), revoke. */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.MANAGE_SCIM_TOKENS})
public class ScimTokenFacade {

    @Inject
    PublicBaseUrl publicBase;

    /** Where the tenant's SCIM clients send their requests: the "Tenant URL" an Entra admin pastes. */
    public String scimBaseUrl(String slug) {
        return publicBase.resolve("/scim/v2/" + slug);
    }

    static final int MAX_LABEL = 200;
    static final int MAX_RATE = 10_000;

    @Inject
    TenantAccess access;

    @Inject
    ScimTokens tokens;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public ScimTokenCreated create(String slug, NewScimToken request) {
        Tenant tenant = access.tenant(slug);
        String label = request == null || request.label() == null || request.label().isBlank() ? "SCIM token"
                : request.label().strip();
        if (label.length() > MAX_LABEL) {
            throw new InvalidInputException("label", "must be at most " + MAX_LABEL + " characters");
        }
        Integer rate = request == null ? null : request.ratePerSecond();
        if (rate != null && (rate < 1 || rate > MAX_RATE)) {
            throw new InvalidInputException("ratePerSecond", "must be between 1 and " + MAX_RATE + " (or absent)");
        }
        ScimTokens.Issued issued = tokens.issue(tenant.getId(), label, rate, clock.instant());
        audit.record(tenant.getId(), AuditTypes.SCIM_TOKEN_CREATED, AuditOutcome.SUCCESS, issued.token().getTokenPrefix(),
                "label '" + label + "'" + (rate == null ? "" : ", " + rate + " requests/s"));
        ScimToken t = issued.token();
        return new ScimTokenCreated(t.getId(), issued.secret(), t.getTokenPrefix(), t.getLabel(), t.getCreatedAt(),
                t.getRatePerSecond());
    }

    public List<ScimTokenView> list(String slug) {
        return tokens.ofTenant(access.tenant(slug).getId()).stream().map(ScimTokenView::of).toList();
    }

    public ScimTokenView revoke(String slug, long id) {
        Tenant tenant = access.tenant(slug);
        ScimToken token = tokens.get(tenant.getId(), id).orElseThrow(() -> new NotFoundException("SCIM token " + id));
        if (!token.isRevoked()) {
            token.revoke(clock.instant());
            audit.record(tenant.getId(), AuditTypes.SCIM_TOKEN_REVOKED, AuditOutcome.SUCCESS, token.getTokenPrefix(),
                    "label '" + token.getLabel() + "'");
        }
        return ScimTokenView.of(token);
    }
}
