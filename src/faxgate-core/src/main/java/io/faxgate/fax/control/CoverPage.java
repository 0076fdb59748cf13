package io.faxgate.fax.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Puts a cover page (from, to, date and the sender's note) in front of a fax document. */
public final class CoverPage {

    private static final int CHARS_PER_LINE = 80;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private CoverPage() {
    }

    public static byte[] prepend(byte[] pdf, String from, String to, String sender, String note, Instant when) {
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument original = PdfDocuments.open(pdf); PDDocument out = PdfDocuments.create()) {
            PDPage cover = new PDPage(PDRectangle.A4);
            out.addPage(cover);
            try (PDPageContentStream text = new PDPageContentStream(out, cover)) {
                text.beginText();
                text.setLeading(16);
                text.newLineAtOffset(60, 770);
                text.setFont(bold, 22);
                text.showText("Fax");
                text.newLine();
                text.newLine();
                text.setFont(regular, 12);
                for (String line : List.of("From: " + from, "To: " + to, "Sent by: " + sender,
                        "Date: " + WHEN.format(when), "Pages: cover page + " + PdfDocuments.realPages(original))) {
                    text.showText(printable(regular, line));
                    text.newLine();
                }
                text.newLine();
                for (String line : wrap(note)) {
                    text.showText(printable(regular, line));
                    text.newLine();
                }
                text.endText();
            }
            for (PDPage page : original.getPages()) {
                out.importPage(page);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(pdf.length + 4096);
            out.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            // The document passed PdfCheck before it gets here; failing now is a fault, not bad input.
            throw new UncheckedIOException("cannot compose the cover page", e);
        }
    }

    /** The standard fonts cover Latin-1 only: anything else is shown as '?', never an error. */
    static String printable(PDType1Font font, String line) {
        StringBuilder shown = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                shown.append(c);
            } catch (IOException | IllegalArgumentException notInFont) {
                shown.append('?');
            }
        });
        return shown.toString();
    }

    static List<String> wrap(String note) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : note.split("\\R", -1)) {
            String rest = paragraph.strip();
            while (rest.length() > CHARS_PER_LINE) {
                int cut = rest.lastIndexOf(' ', CHARS_PER_LINE);
                cut = cut <= 0 ? CHARS_PER_LINE : cut;
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut).strip();
            }
            lines.add(rest);
        }
        return lines;
    }
}
