package org.dudao.creation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.dudao.evidence.AttachmentView;
import org.dudao.evidence.EvidenceApi;
import org.dudao.shared.web.Downloads;
import org.springframework.http.HttpHeaders;

/** Sends a creation file with its real type, as an attachment, {@code nosniff}. */
final class CreationFiles {

    private CreationFiles() {}

    static void send(EvidenceApi.OpenedAttachment opened, HttpServletResponse response) throws IOException {
        AttachmentView a = opened.attachment();
        response.setContentType(a.contentType());
        response.setContentLengthLong(a.size());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(a.displayName(), false));
        try (InputStream in = opened.content()) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
        }
    }

    static void zipHeaders(HttpServletResponse response, String fileName) {
        response.setContentType("application/zip");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(fileName, false));
    }
}
