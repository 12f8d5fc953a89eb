package org.dudao.report.documents;

/**
 * A generated file.
 *
 * @param sha256 of the bytes, hex (also in the audit record)
 * @param engine for a PDF: {@code libreoffice} or {@code openpdf}; null for a docx
 */
public record GeneratedDocument(byte[] bytes, String filename, String contentType, String sha256, String engine) {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF = "application/pdf";
}
