package org.dudao.evidence.inspect;

import java.util.List;

/** The kinds of evidence file accepted, as recognised from their content by {@link FileInspector}. */
public enum FileType {
    PDF("application/pdf", true, "pdf"),
    /** 版式文档 (GB/T 33190), the Chinese counterpart of PDF: a zip with {@code OFD.xml} at its root. */
    OFD("application/ofd", false, "ofd"),
    DOC("application/msword", false, "doc"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false, "docx"),
    XLS("application/vnd.ms-excel", false, "xls"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false, "xlsx"),
    PPT("application/vnd.ms-powerpoint", false, "ppt"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", false, "pptx"),
    /** WPS 文字: Word content (binary or OOXML) saved by WPS Office under {@code .wps}. */
    WPS("application/kswps", false, "wps"),
    /** WPS 表格: Excel content (binary or OOXML) saved by WPS Office under {@code .et}. */
    ET("application/kset", false, "et"),
    JPG("image/jpeg", true, "jpg", "jpeg"),
    PNG("image/png", true, "png"),
    MP4("video/mp4", true, "mp4"),
    ZIP("application/zip", false, "zip");

    private final String contentType;
    private final boolean inline;
    private final List<String> extensions;

    FileType(String contentType, boolean inline, String... extensions) {
        this.contentType = contentType;
        this.inline = inline;
        this.extensions = List.of(extensions);
    }

    /** The MIME type to serve the file with. */
    public String contentType() {
        return contentType;
    }

    /** Whether browsers can show it in the page (preview) rather than only download it. */
    public boolean inline() {
        return inline;
    }

    /** Lowercase extensions without the dot, the canonical one first. */
    public List<String> extensions() {
        return extensions;
    }

    /** The canonical extension, e.g. {@code pdf}. */
    public String extension() {
        return extensions.get(0);
    }

    /** Whether the file is a zip container (and so checked against zip bombs, zip-slip and encryption). */
    public boolean zipBased() {
        return this == OFD || this == DOCX || this == XLSX || this == PPTX || this == ZIP;
    }
}
