package org.dudao.evidence.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.dudao.shared.error.InvalidInputException;

/** An upload larger than the limit; the message names the limit, e.g. "200 MB". */
public class TooLargeException extends InvalidInputException {

    private static final long KB = 1024;
    private static final long MB = 1024 * KB;

    private final long maxBytes;

    public TooLargeException(long maxBytes) {
        super("file", "evidence.file.tooLarge", formatLimit(maxBytes));
        this.maxBytes = maxBytes;
    }

    /** The limit that was exceeded, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The limit as people read it: "200 MB", "1.5 MB", "512 KB", "100 B" (1 MB = 1024 × 1024 bytes). */
    static String formatLimit(long bytes) {
        if (bytes >= MB) {
            return decimal(bytes, MB) + " MB";
        }
        if (bytes >= KB) {
            return decimal(bytes, KB) + " KB";
        }
        return bytes + " B";
    }

    private static String decimal(long bytes, long unit) {
        return BigDecimal.valueOf(bytes)
                .divide(BigDecimal.valueOf(unit), 1, RoundingMode.DOWN)
                .stripTrailingZeros()
                .toPlainString();
    }
}
