package io.faxgate.fax.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CoverPageTest {

    private static final Instant WHEN = Instant.parse("2026-11-23T10:15:00Z");

    private static String coverText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            return text.getText(document);
        }
    }

    @Test
    void addsOnePageInFrontWithFromToSenderDateAndNote() throws IOException {
        byte[] composed = CoverPage.prepend(TestPdfs.pages(3), "+4930111", "+4930222", "alice@contoso.test",
                "Please sign and return.", WHEN);
        assertThat(PdfCheck.pages(composed, "document", Long.MAX_VALUE, 1000)).isEqualTo(4);
        assertThat(coverText(composed)).contains("From: +4930111", "To: +4930222", "Sent by: alice@contoso.test",
                "2026-11-23 10:15 UTC", "cover page + 3", "Please sign and return.");
    }

    @Test
    void aNoteOutsideLatin1DoesNotThrow() throws IOException {
        byte[] composed = CoverPage.prepend(TestPdfs.pages(1), "+4930111", "+4930222", "Łukasz 李",
                "Grüße – 请签字 🙂\nzweite Zeile", WHEN);
        assertThat(PdfCheck.pages(composed, "document", Long.MAX_VALUE, 1000)).isEqualTo(2);
        assertThat(coverText(composed)).contains("Grüße").contains("?").contains("zweite Zeile");
    }

    @Test
    void theCoverNamesThePagesReallyThereNotTheDeclaredCount() throws IOException {
        byte[] composed = CoverPage.prepend(TestPdfs.lyingCount(3, 40), "+4930111", "+4930222", "alice@contoso.test",
                "n", WHEN);
        assertThat(coverText(composed)).contains("cover page + 3");
        assertThat(PdfCheck.pages(composed, "document", Long.MAX_VALUE, 1000)).isEqualTo(4);
    }

    @Test
    void longNotesAreWrapped() {
        String word = "abcdefghij ";
        assertThat(CoverPage.wrap(word.repeat(20))).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80))
                .hasSizeGreaterThan(2);
        assertThat(CoverPage.wrap("x".repeat(200))).as("a word longer than a line is cut").hasSize(3);
    }
}
