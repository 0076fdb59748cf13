package io.faxgate.fax.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Real, small PDFs built with PDFBox. */
final class TestPdfs {

    private TestPdfs() {
    }

    static byte[] pages(int count) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < count; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with {@code real} pages whose page tree declares {@code declared} (/Count lies). */
    static byte[] lyingCount(int real, int declared) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < real; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            document.getPages().getCOSObject().setInt(COSName.COUNT, declared);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encrypted(int count, String userPassword) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < count; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
