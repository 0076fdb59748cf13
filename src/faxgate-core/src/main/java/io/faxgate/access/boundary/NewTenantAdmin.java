package io.faxgate.access.boundary;

import io.faxgate.access.entity.LocalAccount;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The operator creates a tenant's first administrator; without a password one is generated and shown once. */
public record NewTenantAdmin(
        @NotNull(message = "is required")
        @Pattern(regexp = LocalAccount.USERNAME_PATTERN, message = "must be 3-100 letters, digits or . _ @ -")
        String username,
        @Size(min = 12, max = 200, message = "must be 12-200 characters")
        String password,
        boolean breakGlass) {
}
