package io.faxgate.fax.boundary;

import io.faxgate.fax.entity.FaxLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewFaxLine(
        @NotNull(message = "is required")
        @Pattern(regexp = FaxLine.E164_PATTERN, message = "must be an E.164 number such as +4930123456")
        String number,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String label) {
}
