package io.faxgate.fax.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The limits on fax documents, from configuration, applied to uploads and to carrier deliveries alike. */
@ApplicationScoped
public class FaxDocumentRules {

    @Inject
    @ConfigProperty(name = "faxgate.fax.max-document-bytes", defaultValue = "10485760")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "faxgate.fax.max-pages", defaultValue = "200")
    int maxPages;

    /** The page count of an acceptable PDF; otherwise a 400 naming {@code field}. */
    public int pages(byte[] content, String field) {
        return PdfCheck.pages(content, field, maxBytes, maxPages);
    }

    public long maxBytes() {
        return maxBytes;
    }
}
