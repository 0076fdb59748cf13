package io.faxgate.benchmarks;

import io.faxgate.fax.control.CoverPage;
import io.faxgate.fax.control.PdfCheck;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a fax document costs Faxgate before anything is stored: the upload/receipt check ({@link PdfCheck}: size,
 * magic, PDFBox opens it and counts pages) and, for a sent fax with a note, composing the cover page
 * ({@link CoverPage}). Documents: a one-page letter, a 50-page text document, and a 20-page scan (a noisy grey
 * JPEG per page, the worst case for size — about what a scanner sends).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FaxDocumentBenchmark {

    @Param({"letter-1", "text-50", "scan-20"})
    public String document;

    private byte[] pdf;

    @Setup(Level.Trial)
    public void create() throws IOException {
        String[] kind = document.split("-");
        int pages = Integer.parseInt(kind[1]);
        pdf = kind[0].equals("scan") ? scan(pages) : text(pages);
        System.out.printf("%n%s: %d bytes%n", document, pdf.length);
    }

    @Benchmark
    public int check() {
        return PdfCheck.pages(pdf, "document", 10_485_760L, 200);
    }

    @Benchmark
    public byte[] coverPage() {
        return CoverPage.prepend(pdf, "+4930123456", "+4940654321", "Sam Staff",
                "Please countersign page 3 and fax it back by Friday.", Instant.EPOCH);
    }

    private static byte[] text(int pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.setLeading(14);
                    content.newLineAtOffset(60, 780);
                    for (int line = 0; line < 50; line++) {
                        content.showText("Page " + (p + 1) + ", line " + (line + 1) + ": terms and conditions of the order.");
                        content.newLine();
                    }
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] scan(int pages) throws IOException {
        Random noise = new Random(42);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 0; p < pages; p++) {
                BufferedImage image = new BufferedImage(850, 1100, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        int grey = 200 + noise.nextInt(56);
                        image.getRaster().setSample(x, y, 0, grey);
                    }
                }
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject scanned = JPEGFactory.createFromImage(doc, image, 0.75f);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(scanned, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
