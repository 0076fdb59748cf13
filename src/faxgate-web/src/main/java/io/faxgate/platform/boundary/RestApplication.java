package io.faxgate.platform.boundary;

import io.faxgate.access.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The management API. Everything under /api/v1 needs a signed-in caller (session cookie or HTTP Basic). */
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
}
