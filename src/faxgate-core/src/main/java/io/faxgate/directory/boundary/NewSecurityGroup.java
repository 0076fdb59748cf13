package io.faxgate.directory.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A group created by hand; normally groups arrive by directory sync with the directory's object id. */
public record NewSecurityGroup(
        @NotBlank(message = "is required (the directory's object id of the group)")
        @Size(max = 200, message = "must be at most 200 characters")
        String externalId,
        @NotBlank(message = "is required") @Size(max = 300, message = "must be at most 300 characters")
        String displayName) {
}
