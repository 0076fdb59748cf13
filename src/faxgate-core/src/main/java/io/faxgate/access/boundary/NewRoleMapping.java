package io.faxgate.access.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** "Whoever carries {@code claimValue} (an Entra app role value or a group object id) gets {@code permission}". */
public record NewRoleMapping(
        @NotBlank(message = "is required (an app role value such as Fax.Admin, or a group object id)")
        @Size(max = 300, message = "must be at most 300 characters")
        String claimValue,
        @NotNull(message = "is required")
        String permission) {
}
