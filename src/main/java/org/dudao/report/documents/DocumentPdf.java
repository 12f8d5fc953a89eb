package org.dudao.report.documents;

import java.util.Optional;
import org.dudao.shared.error.DudaoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The PDF of a document: the docx converted by LibreOffice where it is installed (the same layout as in
 * Word), otherwise the same content laid out by OpenPDF in a CJK font. {@code dudao.report.pdf-engine}:
 * {@code auto} (default: LibreOffice, and OpenPDF when LibreOffice is missing or fails), {@code libreoffice}
 * (no fallback) or {@code openpdf}.
 */
@Component
public class DocumentPdf {

    private static final Logger log = LoggerFactory.getLogger(DocumentPdf.class);

    /** A PDF and what made it ({@code libreoffice} or {@code openpdf}). */
    public record Pdf(byte[] bytes, String engine) {}

    private final LibreOffice libreOffice;
    private final String mode;
    private final String fontSpec;
    private volatile Optional<PdfFonts> fonts;

    DocumentPdf(
            LibreOffice libreOffice,
            @Value("${dudao.report.pdf-engine:auto}") String mode,
            @Value("${dudao.report.pdf-font:}") String fontSpec) {
        this.libreOffice = libreOffice;
        this.mode = mode == null ? "auto" : mode.strip().toLowerCase(java.util.Locale.ROOT);
        this.fontSpec = fontSpec;
    }

    public boolean libreOfficeAvailable() {
        return !"openpdf".equals(mode) && libreOffice.available();
    }

    public Pdf render(OfficialDocument document, byte[] docx) {
        boolean useLibreOffice = !"openpdf".equals(mode) && libreOffice.available();
        if ("libreoffice".equals(mode) && !libreOffice.available()) {
            throw new DudaoException(HttpStatus.SERVICE_UNAVAILABLE, null, "report.documents.pdfUnavailable");
        }
        if (useLibreOffice) {
            try {
                return new Pdf(libreOffice.convert(docx), "libreoffice");
            } catch (LibreOffice.ConversionFailed e) {
                if ("libreoffice".equals(mode)) {
                    log.warn("PDF conversion failed: {}", e.getMessage());
                    throw new DudaoException(HttpStatus.SERVICE_UNAVAILABLE, null, "report.documents.pdfFailed");
                }
                log.warn("LibreOffice failed, PDF laid out by OpenPDF instead: {}", e.getMessage());
            }
        }
        return new Pdf(openPdf(document), "openpdf");
    }

    /** The OpenPDF layout alone (also used by tests and where LibreOffice is missing). */
    public byte[] openPdf(OfficialDocument document) {
        PdfFonts f = fonts().orElseThrow(
                        () -> new DudaoException(HttpStatus.SERVICE_UNAVAILABLE, null, "report.documents.noPdfFont"));
        return new OpenPdfWriter(f).write(document);
    }

    private Optional<PdfFonts> fonts() {
        Optional<PdfFonts> f = fonts;
        if (f == null) {
            synchronized (this) {
                f = fonts;
                if (f == null) {
                    f = PdfFonts.load(fontSpec);
                    f.ifPresentOrElse(
                            x -> log.info("PDF fallback font: {}", x.description),
                            () -> log.warn("no CJK font for PDF found (install fonts-noto-cjk)"));
                    fonts = f;
                }
            }
        }
        return f;
    }
}
