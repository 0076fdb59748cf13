package io.faxgate.fax.control;

/** What a transport needs to send one fax; the document is the PDF as stored (cover page included). */
public record OutboundFax(long faxId, long tenantId, String fromNumber, String toNumber, int pages, byte[] pdf) {
}
