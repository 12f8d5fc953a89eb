package org.dudao.evidence.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.dudao.evidence.FileView;
import org.dudao.evidence.domain.EvidenceFiles;
import org.dudao.shared.web.Downloads;
import org.springframework.http.HttpHeaders;

/**
 * Sends a stored file: the real type found at upload, {@code nosniff}, attachment unless an inline
 * preview of a PDF, image or video was asked for. The last block is held back until the stream has
 * verified the whole file's SHA-256: a corrupt file is cut short (the client sees an incomplete
 * download) instead of being delivered as if it were intact.
 */
final class FileDownloads {

    private FileDownloads() {}

    static void send(EvidenceFiles.Opened opened, boolean inline, HttpServletResponse response) throws IOException {
        FileView f = opened.file();
        boolean showInline = inline && f.inlinePreview();
        response.setContentType(f.contentType());
        response.setContentLengthLong(f.size());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(f.displayName(), showInline));
        try (InputStream in = opened.content()) {
            OutputStream out = response.getOutputStream();
            byte[] held = new byte[64 * 1024];
            byte[] next = new byte[64 * 1024];
            int heldLen = in.readNBytes(held, 0, held.length);
            while (true) {
                int n = in.readNBytes(next, 0, next.length); // at the end, throws if the hash does not match
                if (n <= 0) {
                    break;
                }
                out.write(held, 0, heldLen);
                byte[] t = held;
                held = next;
                next = t;
                heldLen = n;
            }
            out.write(held, 0, heldLen);
        }
    }
}
