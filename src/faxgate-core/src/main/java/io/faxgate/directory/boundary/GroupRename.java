package io.faxgate.directory.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new display name for a group created in Faxgate; {@code version} is the version the client read. */
public record GroupRename(
        @NotBlank(message = "is required") @Size(max = 300, message = "must be at most 300 characters")
        String displayName,
        @NotNull(message = "is required (the version you read)")
        Long version) {
}
