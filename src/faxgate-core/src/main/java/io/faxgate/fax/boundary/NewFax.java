package io.faxgate.fax.boundary;

import io.faxgate.fax.entity.FaxLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A fax to send: from one of the caller's lines, to an E.164 number, a PDF and an optional cover note. */
public record NewFax(
        @NotNull(message = "choose the line to send from") Long lineId,
        @NotNull(message = "enter the destination number")
        @Pattern(regexp = FaxLine.E164_PATTERN, message = "must be an E.164 number: + then country code and number, digits only, e.g. +4930123456")
        String to,
        @Size(max = 1000, message = "the cover note can be at most 1000 characters") String coverNote,
        @NotNull(message = "attach the PDF to send") byte[] document) {
}
