package io.faxgate.fax.boundary;

/** A fax's PDF, for viewing or download. */
public record FaxDocumentDownload(String fileName, String contentType, byte[] content, String sha256) {
}
