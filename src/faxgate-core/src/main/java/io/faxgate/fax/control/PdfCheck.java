package io.faxgate.fax.control;

import io.faxgate.platform.boundary.InvalidInputException;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Decides whether bytes are a PDF we can fax: small enough, really a PDF (not just named one), readable without a
 * password, and within the page limit. The size is checked before parsing, so a huge upload is never parsed. Pages
 * are counted by walking the page tree, never taken from the document's own {@code /Count}, and parsing uses bounded
 * scratch memory ({@link PdfDocuments}).
 */
public final class PdfCheck {

    private static final byte[] MAGIC = {'%', 'P', 'D', 'F', '-'};

    private PdfCheck() {
    }

    /** The number of pages; otherwise an {@link InvalidInputException} naming {@code field}. */
    public static int pages(byte[] content, String field, long maxBytes, int maxPages) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(field, "a PDF document is required");
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException(field, "the document is " + content.length + " bytes; at most "
                    + maxBytes + " bytes can be faxed");
        }
        if (!startsWithMagic(content)) {
            throw new InvalidInputException(field, "the document is not a PDF (it does not start with %PDF-)");
        }
        try (PDDocument pdf = PdfDocuments.open(content)) {
            int pages = PdfDocuments.realPages(pdf);
            if (pages < 1) {
                throw new InvalidInputException(field, "the PDF has no pages");
            }
            if (pages > maxPages) {
                throw new InvalidInputException(field, "the PDF has " + pages + " pages; at most " + maxPages
                        + " can be faxed");
            }
            return pages;
        } catch (InvalidPasswordException locked) {
            throw new InvalidInputException(field, "the PDF is password-protected; remove the password first");
        } catch (IOException | IllegalStateException unreadable) {
            // IllegalStateException: PDFBox's page iterator refuses a page tree that loops back on itself.
            throw new InvalidInputException(field, "the PDF cannot be read (damaged or not a PDF)");
        }
    }

    private static boolean startsWithMagic(byte[] content) {
        // PDF readers accept the header within the first 1024 bytes; we are stricter: it must come first.
        if (content.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (content[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
