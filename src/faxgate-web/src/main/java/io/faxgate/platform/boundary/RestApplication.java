package io.faxgate.platform.boundary;

import io.faxgate.platform.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import io.faxgate.access.boundary.ConsolePasswordResource;
import io.faxgate.access.boundary.MeResource;
import io.faxgate.access.boundary.RoleMappingsResource;
import io.faxgate.access.boundary.UserPermissionsResource;
import io.faxgate.audit.boundary.AuditVerificationWriter;
import io.faxgate.audit.boundary.PlatformAuditEventsResource;
import io.faxgate.audit.boundary.TenantAuditEventsResource;
import io.faxgate.directory.boundary.ScimTokensResource;
import io.faxgate.directory.boundary.SecurityGroupsResource;
import io.faxgate.directory.boundary.UsersResource;
import io.faxgate.fax.boundary.CarrierWebhookResource;
import io.faxgate.fax.boundary.FaxLinesResource;
import io.faxgate.fax.boundary.MyFaxLinesResource;
import io.faxgate.fax.boundary.MyFaxesResource;
import io.faxgate.sso.boundary.EmailDomainsResource;
import io.faxgate.sso.boundary.SsoSettingsResource;
import io.faxgate.tenant.boundary.TenantsResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The management API. Everything under /api/v1 needs a signed-in caller (session cookie or HTTP Basic) — except the
 * carrier webhook (carrier/inbound-faxes), whose requests authenticate with an HMAC signature instead
 * ({@link SignedInCallersOnly}). The resources are application-scoped: they hold nothing but EJB references, so
 * Jersey need not build and inject one per request (that was ≈ 0.3 ms of CPU per call, docs/performance.md).
 */
@ApplicationPath("/api/v1")
@DeclareRoles({Roles.OPERATOR, Roles.TENANT_MEMBER, Roles.MANAGE_SSO, Roles.MANAGE_USERS, Roles.MANAGE_FAX_LINES,
        Roles.MANAGE_ROLE_MAPPINGS, Roles.VIEW_AUDIT_LOG, Roles.MANAGE_SCIM_TOKENS, Roles.VIEW_FAXES, Roles.SEND_FAXES})
@OpenAPIDefinition(
        info = @Info(title = "Faxgate management API", version = "1",
                description = "Tenants, fax lines, security groups, users and SSO settings. Errors are JSON "
                        + "{status, error, message, fieldErrors[{field, message}]}."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {

    /**
     * Listed, not scanned: the WAR holds a second JAX-RS application (SCIM at /scim/v2) whose classes must not be
     * served here, and Payara's OpenAPI generator needs every application's classes to be explicit.
     */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                TenantsResource.class, FaxLinesResource.class, SecurityGroupsResource.class, UsersResource.class,
                UserPermissionsResource.class, RoleMappingsResource.class, SsoSettingsResource.class, MeResource.class,
                ScimTokensResource.class, MyFaxLinesResource.class, MyFaxesResource.class, CarrierWebhookResource.class,
                ConsolePasswordResource.class, TenantAuditEventsResource.class, PlatformAuditEventsResource.class,
                RetentionResource.class, AuditVerificationWriter.class, EmailDomainsResource.class,
                ApplicationExceptionMappers.InvalidInput.class, ApplicationExceptionMappers.TooManyRequests.class, ApplicationExceptionMappers.NotFound.class,
                ApplicationExceptionMappers.Conflict.class, ConstraintViolationMapper.class, ContainerExceptionMapper.class, SignedInCallersOnly.class);
    }
}
