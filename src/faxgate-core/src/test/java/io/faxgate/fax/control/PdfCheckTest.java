package io.faxgate.fax.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faxgate.platform.boundary.FieldError;
import io.faxgate.platform.boundary.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class PdfCheckTest {

    private static final long MAX_BYTES = 1_000_000;
    private static final int MAX_PAGES = 5;

    private static int pages(byte[] content) {
        return PdfCheck.pages(content, "document", MAX_BYTES, MAX_PAGES);
    }

    private static void refused(ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("document");
            assertThat(e.fieldErrors().get(0).message()).contains(messagePart);
        });
    }

    @Test
    void countsThePagesOfRealPdfs() {
        assertThat(pages(TestPdfs.pages(1))).isEqualTo(1);
        assertThat(pages(TestPdfs.pages(5))).isEqualTo(5);
    }

    @Test
    void refusesNothingAtAll() {
        refused(() -> pages(null), "required");
        refused(() -> pages(new byte[0]), "required");
    }

    @Test
    void refusesWhatIsNotAPdf() {
        refused(() -> pages("hello, world".getBytes(StandardCharsets.UTF_8)), "not a PDF");
        refused(() -> pages(new byte[] {'%', 'P', 'D'}), "not a PDF");
        byte[] pdfLater = ("junk\n" + new String(TestPdfs.pages(1), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        refused(() -> pages(pdfLater), "does not start with %PDF-");
    }

    @Test
    void refusesTheMagicFollowedByJunk() {
        refused(() -> pages("%PDF-1.7\nthis is not a PDF body at all\n%%EOF".getBytes(StandardCharsets.US_ASCII)), "cannot be read");
        byte[] random = new byte[4096];
        new java.util.Random(42).nextBytes(random);
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, random, 0, 5);
        refused(() -> pages(random), "cannot be read");
    }

    @Test
    void refusesAPasswordProtectedPdf() {
        refused(() -> pages(TestPdfs.encrypted(1, "open-sesame")), "password");
    }

    @Test
    void refusesTooManyPages() {
        refused(() -> pages(TestPdfs.pages(MAX_PAGES + 1)), "6 pages");
    }

    @Test
    void judgesByThePagesReallyThereNotByTheDeclaredCount() {
        byte[] saysOneHas250 = TestPdfs.lyingCount(250, 1);
        assertThat(declaredCount(saysOneHas250)).as("the attack: the file claims one page").isEqualTo(1);
        refused(() -> PdfCheck.pages(saysOneHas250, "document", 10_000_000, 200), "250 pages");

        byte[] says500Has2 = TestPdfs.lyingCount(2, 500);
        assertThat(declaredCount(says500Has2)).isEqualTo(500);
        assertThat(PdfCheck.pages(says500Has2, "document", MAX_BYTES, MAX_PAGES)).isEqualTo(2);
    }

    private static int declaredCount(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void refusesTooLargeBeforeParsing() {
        byte[] huge = new byte[(int) MAX_BYTES + 1];
        Arrays.fill(huge, (byte) 'x'); // not even a PDF: the size is checked first
        refused(() -> pages(huge), "at most " + MAX_BYTES + " bytes");
        byte[] exactly = Arrays.copyOf(TestPdfs.pages(1), 2000);
        assertThat(PdfCheck.pages(exactly, "document", 2000, MAX_PAGES)).as("trailing zeros after %%EOF are read leniently")
                .isEqualTo(1);
    }
}
