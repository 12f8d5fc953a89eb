package org.dudao.evidence.inspect;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * An OLE2 compound file (D0 CF 11 E0 …): old Word, Excel and PowerPoint files, WPS files, and encrypted Office 2007+
 * files. Opened read-only with POI to look at the entries in its root.
 */
final class Ole2Container {

    /** A header sector and at least one more. */
    private static final int MIN_BYTES = 1024;

    private enum Content {
        WORD,
        EXCEL,
        POWERPOINT,
        ENCRYPTED,
        OTHER
    }

    private Ole2Container() {}

    /** DOC, XLS or PPT; rejected as encrypted, truncated or not an allowed type otherwise. */
    static FileType inspect(Path file, long size, String displayName) {
        if (size < MIN_BYTES) {
            throw new FileRejectedException("evidence.file.truncated", displayName);
        }
        Content content;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            content = content(fs.getRoot());
            if (content != Content.ENCRYPTED) {
                readAll(fs.getRoot());
            }
        } catch (IOException | RuntimeException damaged) {
            throw new FileRejectedException("evidence.file.truncated", displayName);
        }
        return switch (content) {
            case WORD -> FileType.DOC;
            case EXCEL -> FileType.XLS;
            case POWERPOINT -> FileType.PPT;
            case ENCRYPTED -> throw new FileRejectedException("evidence.file.encrypted", displayName);
            case OTHER -> throw new FileRejectedException("evidence.file.type", displayName);
        };
    }

    private static Content content(DirectoryNode root) throws IOException {
        // an encrypted docx/xlsx/pptx is an OLE2 file holding these two; EncryptedSummary marks an encrypted ppt
        if (root.hasEntryCaseInsensitive("EncryptionInfo")
                || root.hasEntryCaseInsensitive("EncryptedPackage")
                || root.hasEntryCaseInsensitive("EncryptedSummary")) {
            return Content.ENCRYPTED;
        }
        if (root.hasEntryCaseInsensitive("WordDocument")) {
            return wordEncrypted(root) ? Content.ENCRYPTED : Content.WORD;
        }
        for (String workbook : new String[] {"Workbook", "Book"}) {
            if (root.hasEntryCaseInsensitive(workbook)) {
                return excelEncrypted(root, root.getEntryCaseInsensitive(workbook)) ? Content.ENCRYPTED : Content.EXCEL;
            }
        }
        if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
            return Content.POWERPOINT;
        }
        return Content.OTHER;
    }

    /**
     * Reads every stream to its end. POI reads only the sectors it is asked for, so a file cut short opens fine and
     * fails only here, where a stream's sector chain runs past the end of the file.
     */
    private static void readAll(DirectoryNode directory) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (Entry entry : directory) {
            if (entry instanceof DirectoryNode child) {
                readAll(child);
            } else if (entry instanceof DocumentEntry document) {
                try (InputStream in = directory.createDocumentInputStream(document)) {
                    long left = document.getSize();
                    while (left > 0) {
                        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                        if (n < 0) {
                            throw new EOFException("Stream " + document.getName() + " ends early");
                        }
                        left -= n;
                    }
                }
            }
        }
    }

    /** The fEncrypted bit (0x0100) of the flags at offset 10 of the Word file information block. */
    private static boolean wordEncrypted(DirectoryNode root) throws IOException {
        try (InputStream in = root.createDocumentInputStream(root.getEntryCaseInsensitive("WordDocument"))) {
            byte[] fib = in.readNBytes(12);
            if (fib.length < 12) {
                throw new IOException("Word stream too short");
            }
            int flags = (fib[10] & 0xFF) | (fib[11] & 0xFF) << 8;
            return (flags & 0x0100) != 0;
        }
    }

    /** A FILEPASS record (0x002F) among the first records of the workbook globals: the workbook is encrypted. */
    private static boolean excelEncrypted(DirectoryNode root, Entry workbook) throws IOException {
        try (InputStream in = root.createDocumentInputStream(workbook)) {
            for (int i = 0; i < 16; i++) {
                byte[] header = in.readNBytes(4);
                if (header.length < 4) {
                    return false;
                }
                int type = (header[0] & 0xFF) | (header[1] & 0xFF) << 8;
                int length = (header[2] & 0xFF) | (header[3] & 0xFF) << 8;
                if (type == 0x002F) {
                    return true;
                }
                if (type == 0x000A) { // EOF of the globals
                    return false;
                }
                in.skipNBytes(length);
            }
            return false;
        }
    }
}
