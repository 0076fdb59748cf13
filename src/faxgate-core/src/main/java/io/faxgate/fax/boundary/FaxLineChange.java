package io.faxgate.fax.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The number of a line never changes (it is the line); the label may. */
public record FaxLineChange(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String label,
        @NotNull(message = "is required (the version you read)")
        Long version) {
}
