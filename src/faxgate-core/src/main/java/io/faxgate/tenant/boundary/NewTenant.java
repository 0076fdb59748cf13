package io.faxgate.tenant.boundary;

import io.faxgate.tenant.entity.Tenant;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewTenant(
        @NotNull(message = "is required")
        @Pattern(regexp = Tenant.SLUG_PATTERN, message = "must be 1-63 lower-case letters, digits or inner hyphens")
        String slug,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,
        boolean ssoAllowed) {
}
