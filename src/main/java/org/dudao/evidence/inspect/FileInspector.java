package org.dudao.evidence.inspect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Set;

/**
 * Decides from a file's CONTENT — magic bytes and container structure, never the name or the browser's MIME type —
 * whether it is an allowed evidence file ({@link FileType}), and gives the sanitised name to show.
 *
 * <p>In order: empty → executable-looking inner extension ({@code 通知.exe.pdf}) → type from the content → the name's
 * extension must belong to that type (a name without one gets it appended; {@code .wps} may hold Word and {@code .et}
 * Excel content) → structure: complete (PDF {@code %%EOF}, PNG {@code IEND}, JPEG {@code FFD9}, MP4 boxes, zip central
 * directory, OLE2 sectors), not encrypted, and for zip containers (zip, docx, xlsx, pptx, ofd) no zip bomb and no
 * zip-slip; see {@link ZipContainer}. Archives nested inside a zip are not opened and inspected in turn; they pass as
 * ordinary entries.
 *
 * <p>Every refusal is a {@link FileRejectedException} whose message key ({@code evidence.file.*}) tells the user what
 * to do; an {@link IOException} means the file could not be read at all.
 */
public final class FileInspector {

    /** Inner extensions that make {@code x.<inner>.pdf} a disguise: programs, scripts, web pages, shortcuts. */
    static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
            ("exe com bat cmd scr pif msi msp mst js jse vbs vbe wsf wsh ps1 psm1 psd1 sh bash zsh csh ksh jar dll sys"
                            + " ocx hta html htm xhtml shtml mht mhtml svg svgz lnk url reg cpl msc inf scf chm gadget"
                            + " application appref-ms apk xapk ipa app dmg pkg deb rpm run bin elf so py pyw pl rb php"
                            + " asp aspx jsp cgi swf iso img vhd vhdx xll wll docm xlsm pptm dotm xltm xlam ppam")
                    .split(" "));

    private static final int HEAD_BYTES = 1024;
    private static final int PDF_TRAILER_SEARCH = 64 * 1024;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PNG_IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
    private static final int JPEG_MAX_PADDING = 16;
    private static final int MP4_MAX_BOXES = 1_000_000;
    /** ISO-BMFF brands of still images (HEIF, AVIF, JPEG 2000, Canon raw) that also start with {@code ftyp}. */
    private static final Set<String> IMAGE_BRANDS = Set.of(
            "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "miaf", "MiHB", "MiHE", "MiPr", "avif",
            "avis", "MA1A", "MA1B", "crx ", "jp2 ", "jpx ", "jpm ");

    /**
     * Inspects {@code file} (already on local disk), uploaded under {@code originalName}.
     *
     * @throws FileRejectedException when the file is not accepted; the key says why
     */
    public Inspection inspect(Path file, String originalName, InspectionLimits limits) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limits, "limits");
        String name = FileNames.displayName(originalName);
        long size = Files.size(file);
        if (size == 0) {
            throw new FileRejectedException("evidence.file.empty");
        }
        for (String inner : FileNames.innerExtensions(name)) {
            if (EXECUTABLE_EXTENSIONS.contains(inner)) {
                throw new FileRejectedException("evidence.file.doubleExtension", name);
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] head = Bytes.read(channel, 0, (int) Math.min(size, HEAD_BYTES));
            if (pdfStart(head) >= 0) {
                Inspection accepted = named(FileType.PDF, name);
                checkPdf(channel, size, name);
                return accepted;
            }
            if (Bytes.startsWith(head, 0, PNG)) {
                Inspection accepted = named(FileType.PNG, name);
                checkPng(channel, size, head, name);
                return accepted;
            }
            if (Bytes.startsWith(head, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
                Inspection accepted = named(FileType.JPG, name);
                checkJpeg(channel, size, name);
                return accepted;
            }
            if (Bytes.startsWith(head, 4, (byte) 'f', (byte) 't', (byte) 'y', (byte) 'p')) {
                checkMp4Brand(head, name);
                Inspection accepted = named(FileType.MP4, name);
                checkMp4Boxes(channel, size, name);
                return accepted;
            }
            if (Bytes.startsWith(head, 0, OLE2)) {
                return named(Ole2Container.inspect(file, size, name), name);
            }
            if (Bytes.startsWith(head, 0, ZIP_LOCAL) || Bytes.startsWith(head, 0, ZIP_EMPTY)) {
                ZipContainer zip = new ZipContainer(channel, size, name, limits);
                Inspection accepted = named(zip.scanDirectory(), name);
                zip.inflateAll();
                return accepted;
            }
        }
        throw new FileRejectedException("evidence.file.type", name);
    }

    /**
     * The accepted type and display name, given the type the content shows: the name's extension must belong to it; a
     * name without an extension gets the canonical one.
     */
    private static Inspection named(FileType detected, String name) {
        String extension = FileNames.extension(name);
        if (extension.isEmpty()) {
            return new Inspection(detected, FileNames.withExtension(name, detected.extension()));
        }
        if (detected.extensions().contains(extension)) {
            return new Inspection(detected, name);
        }
        // WPS Office saves .wps / .et either in the old binary or in the OOXML format of Word / Excel
        if (extension.equals("wps") && (detected == FileType.DOC || detected == FileType.DOCX)) {
            return new Inspection(FileType.WPS, name);
        }
        if (extension.equals("et") && (detected == FileType.XLS || detected == FileType.XLSX)) {
            return new Inspection(FileType.ET, name);
        }
        throw new FileRejectedException("evidence.file.extensionMismatch", name, detected.extension());
    }

    /**
     * Where {@code %PDF-} starts within the first 1024 bytes, or -1. Bytes before it are tolerated as readers do, but
     * not markup: a file that starts as HTML or SVG is not a PDF.
     */
    private static int pdfStart(byte[] head) {
        int at = Bytes.indexOf(head, "%PDF-");
        if (at > 0) {
            for (int i = 0; i < at; i++) {
                if (head[i] == '<') {
                    return -1;
                }
            }
        }
        return at;
    }

    /** {@code %%EOF} in the last 1024 bytes; {@code /Encrypt} in the trailer (searched in the last and first 64 KB). */
    private static void checkPdf(FileChannel channel, long size, String name) throws IOException {
        if (Bytes.indexOf(Bytes.tail(channel, size, HEAD_BYTES), "%%EOF") < 0) {
            throw new FileRejectedException("evidence.file.truncated", name);
        }
        byte[] last = Bytes.tail(channel, size, PDF_TRAILER_SEARCH);
        byte[] first = Bytes.read(channel, 0, (int) Math.min(size, PDF_TRAILER_SEARCH));
        if (Bytes.indexOf(last, "/Encrypt") >= 0 || Bytes.indexOf(first, "/Encrypt") >= 0) {
            throw new FileRejectedException("evidence.file.encrypted", name);
        }
    }

    /** The first chunk is IHDR and the file ends with the IEND chunk. */
    private static void checkPng(FileChannel channel, long size, byte[] head, String name) throws IOException {
        boolean ihdr = Bytes.startsWith(
                head, 8, (byte) 0, (byte) 0, (byte) 0, (byte) 13, (byte) 'I', (byte) 'H', (byte) 'D', (byte) 'R');
        if (!ihdr || size < PNG.length + 25 + PNG_IEND.length) {
            throw new FileRejectedException("evidence.file.truncated", name);
        }
        if (!Bytes.startsWith(Bytes.tail(channel, size, PNG_IEND.length), 0, PNG_IEND)) {
            throw new FileRejectedException("evidence.file.truncated", name);
        }
    }

    /** Ends with the EOI marker FF D9, allowing a few zero bytes of padding after it. */
    private static void checkJpeg(FileChannel channel, long size, String name) throws IOException {
        byte[] tail = Bytes.tail(channel, size, JPEG_MAX_PADDING + 2);
        int end = tail.length;
        while (end > 0 && tail[end - 1] == 0) {
            end--;
        }
        if (size < 4 || end < 2 || tail[end - 2] != (byte) 0xFF || tail[end - 1] != (byte) 0xD9) {
            throw new FileRejectedException("evidence.file.truncated", name);
        }
    }

    /** An ISO-BMFF file whose brands are all still-image brands (HEIC, AVIF …) is not a video. */
    private static void checkMp4Brand(byte[] head, String name) {
        if (head.length < 16) {
            throw new FileRejectedException("evidence.file.truncated", name);
        }
        long ftypSize = Integer.toUnsignedLong(ByteBuffer.wrap(head, 0, 4).getInt());
        int end = (int) Math.min(Math.max(ftypSize, 16), head.length);
        boolean video = false;
        for (int at = 8; at + 4 <= end; at += 4) {
            if (at == 12) {
                continue; // minor version
            }
            String brand = new String(head, at, 4, StandardCharsets.ISO_8859_1);
            video |= !IMAGE_BRANDS.contains(brand) && !brand.equals("\0\0\0\0");
        }
        if (!video) {
            throw new FileRejectedException("evidence.file.type", name);
        }
    }

    /**
     * The top-level boxes fit the file exactly: each box's size (32-bit; 1 means a 64-bit size follows; 0 means "to the
     * end of the file") ends within the file, and the last one ends at its end.
     */
    private static void checkMp4Boxes(FileChannel channel, long size, String name) throws IOException {
        long pos = 0;
        for (int boxes = 0; pos < size; boxes++) {
            if (boxes >= MP4_MAX_BOXES || size - pos < 8) {
                throw new FileRejectedException("evidence.file.truncated", name);
            }
            ByteBuffer header = ByteBuffer.wrap(Bytes.read(channel, pos, (int) Math.min(16, size - pos)));
            long boxSize = Integer.toUnsignedLong(header.getInt(0));
            long headerSize = 8;
            if (boxSize == 0) {
                return; // extends to the end of the file
            }
            if (boxSize == 1) {
                if (header.limit() < 16) {
                    throw new FileRejectedException("evidence.file.truncated", name);
                }
                boxSize = header.getLong(8);
                headerSize = 16;
            }
            if (boxSize < headerSize || boxSize > size - pos) {
                throw new FileRejectedException("evidence.file.truncated", name);
            }
            pos += boxSize;
        }
    }
}
