package org.dudao.shared.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** File downloads with a Chinese file name that every browser saves correctly (RFC 6266 filename*). */
public final class Downloads {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private Downloads() {}

    public static ResponseEntity<byte[]> xlsx(byte[] bytes, String filename) {
        return file(bytes, XLSX, filename);
    }

    public static ResponseEntity<byte[]> docx(byte[] bytes, String filename) {
        return file(bytes, DOCX, filename);
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(filename, false))
                .body(bytes);
    }

    /** The Content-Disposition value for a (Chinese) file name: a download, or shown in the browser. */
    public static String disposition(String filename, boolean inline) {
        return (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(filename, StandardCharsets.UTF_8)
                .build()
                .toString();
    }
}
