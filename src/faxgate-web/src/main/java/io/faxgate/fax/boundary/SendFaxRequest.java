package io.faxgate.fax.boundary;

import io.faxgate.platform.boundary.InvalidInputException;
import java.util.Base64;

/** POST /api/v1/me/faxes: the PDF travels base64-encoded in {@code document}. */
public record SendFaxRequest(Long lineId, String to, String coverNote, String document) {

    public NewFax toNewFax() {
        byte[] pdf = null;
        if (document != null) {
            try {
                pdf = Base64.getMimeDecoder().decode(document);
            } catch (IllegalArgumentException notBase64) {
                throw new InvalidInputException("document", "must be the PDF encoded as base64");
            }
        }
        return new NewFax(lineId, to, coverNote, pdf);
    }
}
