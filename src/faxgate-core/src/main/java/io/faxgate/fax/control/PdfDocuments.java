package io.faxgate.fax.control;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * How fax code opens and builds PDFs: with a bounded scratch memory (streams beyond {@value #IN_MEMORY} bytes go to a
 * temp file, at most {@value #SCRATCH_LIMIT} bytes in all), and counting the pages that are really in the page tree —
 * a document's declared {@code /Count} is whatever its author wrote and decides nothing.
 */
final class PdfDocuments {

    /** Scratch kept in the heap per document; beyond it PDFBox spills to a temp file. */
    static final long IN_MEMORY = 4L * 1024 * 1024;
    /** Heap plus temp file per document; a document needing more fails to load instead of filling the disk. */
    static final long SCRATCH_LIMIT = 256L * 1024 * 1024;

    private PdfDocuments() {
    }

    static StreamCacheCreateFunction boundedScratch() {
        return MemoryUsageSetting.setupMixed(IN_MEMORY, SCRATCH_LIMIT).streamCache;
    }

    static PDDocument open(byte[] content) throws IOException {
        return Loader.loadPDF(content, null, null, null, boundedScratch());
    }

    static PDDocument create() {
        return new PDDocument(boundedScratch());
    }

    /**
     * The pages reachable by walking the page tree (PDFBox's iterator follows {@code /Kids} and refuses loops). The
     * walk is bounded by the document's size, which is checked before anything is parsed.
     */
    static int realPages(PDDocument pdf) {
        int pages = 0;
        for (PDPage ignored : pdf.getPages()) {
            pages++;
        }
        return pages;
    }
}
