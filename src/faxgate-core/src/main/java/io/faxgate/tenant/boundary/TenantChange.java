package io.faxgate.tenant.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A full update of a tenant; {@code version} is the version the client read (optimistic locking). */
public record TenantChange(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,
        boolean ssoAllowed,
        @NotNull(message = "is required (the version you read)")
        Long version) {
}
