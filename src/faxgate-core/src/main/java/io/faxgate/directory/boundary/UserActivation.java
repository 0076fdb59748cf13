package io.faxgate.directory.boundary;

import jakarta.validation.constraints.NotNull;

/** Deactivating a user ends all their access at once, including open sessions. */
public record UserActivation(
        @NotNull(message = "is required") Boolean active,
        @NotNull(message = "is required (the version you read)") Long version) {
}
