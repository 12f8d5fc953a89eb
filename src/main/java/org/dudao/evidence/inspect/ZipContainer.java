package org.dudao.evidence.inspect;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Checks of a zip container (zip, docx, xlsx, pptx, ofd), reading its central directory directly from the file.
 * {@code java.util.zip.ZipFile} is not used for this: it refuses to open a zip holding an encrypted entry, or one whose
 * entry names are not UTF-8 (archives made on Chinese Windows name entries in GBK), and says no more than "invalid CEN
 * header" — neither could be told apart from a damaged file.
 *
 * <p>Two passes over the central directory. The first ({@link #scanDirectory}) reads names, flags and declared sizes:
 * entry count, zip-slip, encryption (central and local headers), compression method and declared sizes, and the marker
 * entries that tell docx/xlsx/pptx/ofd from a plain zip. The second ({@link #inflateAll}) inflates every entry into
 * nothing, counting the bytes actually produced — declared sizes are not trusted — and stops at the first limit
 * crossed; it also checks each entry's size and CRC. Nested archives are not opened: a zip inside a zip passes these
 * checks as an ordinary entry.
 */
final class ZipContainer {

    /** An entry's compression ratio is only judged once it inflates to more than this. */
    static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private static final int CEN = 0x02014b50;
    private static final int LOC = 0x04034b50;
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final long U32 = 0xFFFFFFFFL;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final FileChannel channel;
    private final long size;
    private final String displayName;
    private final InspectionLimits limits;
    private long cdOffset;
    private long cdEnd;
    private long declaredEntries;

    ZipContainer(FileChannel channel, long size, String displayName, InspectionLimits limits) {
        this.channel = channel;
        this.size = size;
        this.displayName = displayName;
        this.limits = limits;
    }

    /** First pass; returns what the container is (DOCX, XLSX, PPTX, OFD or ZIP). */
    FileType scanDirectory() throws IOException {
        locateCentralDirectory();
        if (declaredEntries > limits.zipMaxEntries()) {
            throw reject("evidence.file.zipBomb", displayName);
        }
        boolean contentTypes = false;
        boolean word = false;
        boolean xl = false;
        boolean ppt = false;
        boolean ofd = false;
        long entries = 0;
        long declaredTotal = 0;
        for (long pos = cdOffset; pos < cdEnd; ) {
            Entry entry = entry(pos);
            pos = entry.next;
            if (++entries > limits.zipMaxEntries()) {
                throw reject("evidence.file.zipBomb", displayName);
            }
            String name = decode(entry.name, entry.flags);
            checkEntryName(name);
            if (entry.encrypted()) {
                throw reject("evidence.file.encrypted", displayName);
            }
            LocalHeader local = localHeader(entry);
            if (!Arrays.equals(local.name, entry.name)) {
                // extractors that stream the zip use the local name: it must be as harmless as the central one
                checkEntryName(decode(local.name, local.flags));
            }
            if ((local.flags & 1) != 0) {
                throw reject("evidence.file.encrypted", displayName);
            }
            if (entry.method != STORED && entry.method != DEFLATED) {
                throw reject("evidence.file.zipMethod", displayName);
            }
            declaredTotal += entry.uncompressed;
            if (declaredTotal > limits.zipMaxUncompressedBytes()
                    || exceedsRatio(entry.uncompressed, entry.compressed)) {
                throw reject("evidence.file.zipBomb", displayName);
            }
            contentTypes |= name.equals("[Content_Types].xml");
            word |= name.startsWith("word/");
            xl |= name.startsWith("xl/");
            ppt |= name.startsWith("ppt/");
            ofd |= name.equalsIgnoreCase("OFD.xml");
        }
        if (contentTypes && word) {
            return FileType.DOCX;
        }
        if (contentTypes && xl) {
            return FileType.XLSX;
        }
        if (contentTypes && ppt) {
            return FileType.PPTX;
        }
        return ofd ? FileType.OFD : FileType.ZIP;
    }

    /** Second pass (after {@link #scanDirectory}): inflates every entry, counting what it really produces. */
    void inflateAll() throws IOException {
        Inflater inflater = new Inflater(true);
        try {
            long total = 0;
            for (long pos = cdOffset; pos < cdEnd; ) {
                Entry entry = entry(pos);
                pos = entry.next;
                long dataStart = localHeader(entry).dataStart;
                if (entry.method == STORED) {
                    if (entry.compressed != entry.uncompressed) {
                        throw reject("evidence.file.truncated", displayName);
                    }
                    total += entry.compressed;
                    if (total > limits.zipMaxUncompressedBytes()) {
                        throw reject("evidence.file.zipBomb", displayName);
                    }
                } else {
                    total += inflate(inflater, entry, dataStart, total);
                }
            }
        } finally {
            inflater.end();
        }
    }

    private long inflate(Inflater inflater, Entry entry, long dataStart, long totalBefore) throws IOException {
        inflater.reset();
        CRC32 crc = new CRC32();
        byte[] input = new byte[64 * 1024];
        byte[] output = new byte[64 * 1024];
        long consumed = 0;
        long produced = 0;
        int idle = 0;
        while (!inflater.finished()) {
            if (inflater.needsInput()) {
                if (consumed >= entry.compressed) {
                    throw reject("evidence.file.truncated", displayName); // the deflate stream ends early
                }
                int n = (int) Math.min(input.length, entry.compressed - consumed);
                readFully(ByteBuffer.wrap(input, 0, n), dataStart + consumed);
                consumed += n;
                inflater.setInput(input, 0, n);
            }
            int k;
            try {
                k = inflater.inflate(output);
            } catch (DataFormatException e) {
                throw reject("evidence.file.truncated", displayName);
            }
            if (k == 0 && !inflater.needsInput() && !inflater.finished() && ++idle > 3) {
                throw reject("evidence.file.truncated", displayName); // e.g. wants a preset dictionary
            }
            produced += k;
            crc.update(output, 0, k);
            if (totalBefore + produced > limits.zipMaxUncompressedBytes()
                    || produced > entry.uncompressed // it lied about its size
                    || exceedsRatio(produced, entry.compressed)) {
                throw reject("evidence.file.zipBomb", displayName);
            }
        }
        if (produced != entry.uncompressed || crc.getValue() != entry.crc) {
            throw reject("evidence.file.truncated", displayName);
        }
        return produced;
    }

    private boolean exceedsRatio(long inflated, long compressed) {
        return inflated > RATIO_GRACE_BYTES && (double) inflated / Math.max(compressed, 1) > limits.zipMaxRatio();
    }

    /** Zip-slip and hidden characters: what an extractor could turn into a path outside its target directory. */
    private void checkEntryName(String name) {
        boolean unsafe = name.startsWith("/")
                || name.startsWith("\\")
                || (name.length() >= 2 && isAsciiLetter(name.charAt(0)) && name.charAt(1) == ':');
        for (String segment : name.split("[/\\\\]", -1)) {
            // ".." and what Windows reads as "..": trailing dots and spaces are dropped there
            unsafe |= segment.contains("..") && segment.chars().allMatch(c -> c == '.' || c == ' ');
        }
        unsafe |= name.codePoints().anyMatch(ZipContainer::isHidden);
        if (unsafe) {
            throw reject("evidence.file.zipSlip", displayName, printable(name));
        }
    }

    private static boolean isHidden(int cp) {
        return Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The entry name as it can be shown in a message: hidden characters as "?", at most 100 characters. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(100).forEach(cp -> out.appendCodePoint(isHidden(cp) ? '?' : cp));
        return out.toString();
    }

    /** UTF-8 when flagged or valid, else GB18030 (Chinese Windows), else Latin-1 (never fails). */
    static String decode(byte[] raw, int flags) {
        if ((flags & 0x800) != 0) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        String name = strict(raw, StandardCharsets.UTF_8);
        if (name == null) {
            name = strict(raw, GB18030);
        }
        return name != null ? name : new String(raw, StandardCharsets.ISO_8859_1);
    }

    private static String strict(byte[] raw, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Finds the end-of-central-directory record (zip64 too) and with it where the central directory lies. */
    private void locateCentralDirectory() throws IOException {
        int tailLength = (int) Math.min(size, 22 + 0xFFFF);
        long tailStart = size - tailLength;
        ByteBuffer tail = read(tailStart, tailLength);
        int at = -1;
        for (int i = tailLength - 22; i >= 0; i--) {
            if (tail.getInt(i) == EOCD && i + 22 + u16(tail, i + 20) <= tailLength) {
                at = i;
                break;
            }
        }
        if (at < 0 || u16(tail, at + 4) != 0 || u16(tail, at + 6) != 0) {
            throw reject("evidence.file.truncated", displayName); // cut off, or one part of a split archive
        }
        long eocd = tailStart + at;
        declaredEntries = u16(tail, at + 10);
        long cdSize = u32(tail, at + 12);
        cdOffset = u32(tail, at + 16);
        long limit = eocd;
        boolean zip64 = declaredEntries == 0xFFFF || cdSize == U32 || cdOffset == U32;
        if (zip64 && eocd >= 20 && read(eocd - 20, 20).getInt(0) == ZIP64_LOCATOR) {
            long record = read(eocd - 20, 20).getLong(8);
            if (record < 0 || record > eocd - 56) {
                throw reject("evidence.file.truncated", displayName);
            }
            ByteBuffer z = read(record, 56);
            if (z.getInt(0) != ZIP64_EOCD) {
                throw reject("evidence.file.truncated", displayName);
            }
            declaredEntries = z.getLong(32);
            cdSize = z.getLong(40);
            cdOffset = z.getLong(48);
            limit = record;
        }
        if (declaredEntries < 0 || cdSize < 0 || cdOffset < 0 || cdOffset > limit || cdSize > limit - cdOffset) {
            throw reject("evidence.file.truncated", displayName);
        }
        cdEnd = cdOffset + cdSize;
    }

    private record Entry(
            int flags,
            int method,
            long crc,
            long compressed,
            long uncompressed,
            long localOffset,
            byte[] name,
            long next) {

        boolean encrypted() {
            return (flags & 1) != 0 || method == 99; // 99: WinZip AES
        }
    }

    private record LocalHeader(int flags, byte[] name, long dataStart) {}

    private Entry entry(long pos) throws IOException {
        if (pos > cdEnd - 46) {
            throw reject("evidence.file.truncated", displayName);
        }
        ByteBuffer h = read(pos, 46);
        if (h.getInt(0) != CEN) {
            throw reject("evidence.file.truncated", displayName);
        }
        int nameLength = u16(h, 28);
        int extraLength = u16(h, 30);
        long next = pos + 46 + nameLength + extraLength + u16(h, 32);
        if (next > cdEnd) {
            throw reject("evidence.file.truncated", displayName);
        }
        byte[] name = new byte[nameLength];
        read(pos + 46, nameLength).get(name);
        long compressed = u32(h, 20);
        long uncompressed = u32(h, 24);
        long localOffset = u32(h, 42);
        if (compressed == U32 || uncompressed == U32 || localOffset == U32) {
            ByteBuffer extra = read(pos + 46 + nameLength, extraLength);
            long[] values = {uncompressed, compressed, localOffset};
            zip64(extra, values);
            uncompressed = values[0];
            compressed = values[1];
            localOffset = values[2];
        }
        if (compressed < 0 || uncompressed < 0 || localOffset < 0) {
            throw reject("evidence.file.truncated", displayName);
        }
        return new Entry(u16(h, 8), u16(h, 10), u32(h, 16), compressed, uncompressed, localOffset, name, next);
    }

    /** Replaces the 32-bit values that are 0xFFFFFFFF by those of the zip64 extra field, in its fixed order. */
    private void zip64(ByteBuffer extra, long[] values) {
        for (int i = 0; i + 4 <= extra.limit(); ) {
            int id = u16(extra, i);
            int length = u16(extra, i + 2);
            if (id == 0x0001) {
                int at = i + 4;
                for (int v = 0; v < values.length; v++) {
                    if (values[v] == U32) {
                        if (at + 8 > i + 4 + length || at + 8 > extra.limit()) {
                            throw reject("evidence.file.truncated", displayName);
                        }
                        values[v] = extra.getLong(at);
                        at += 8;
                    }
                }
                return;
            }
            i += 4 + length;
        }
        throw reject("evidence.file.truncated", displayName);
    }

    private LocalHeader localHeader(Entry entry) throws IOException {
        if (entry.localOffset > cdOffset - 30) {
            throw reject("evidence.file.truncated", displayName);
        }
        ByteBuffer h = read(entry.localOffset, 30);
        if (h.getInt(0) != LOC) {
            throw reject("evidence.file.truncated", displayName);
        }
        int nameLength = u16(h, 26);
        long dataStart = entry.localOffset + 30 + nameLength + u16(h, 28);
        if (dataStart > cdOffset || entry.compressed > cdOffset - dataStart) {
            throw reject("evidence.file.truncated", displayName);
        }
        byte[] name = new byte[nameLength];
        read(entry.localOffset + 30, nameLength).get(name);
        return new LocalHeader(u16(h, 6), name, dataStart);
    }

    /** {@code length} bytes at {@code pos}, little-endian; a zip that claims bytes beyond its end is truncated. */
    private ByteBuffer read(long pos, int length) throws IOException {
        if (pos < 0 || pos > size - length) {
            throw reject("evidence.file.truncated", displayName);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        readFully(buffer, pos);
        return buffer.flip();
    }

    private void readFully(ByteBuffer buffer, long pos) throws IOException {
        try {
            Bytes.readFully(channel, buffer, pos);
        } catch (EOFException e) {
            throw reject("evidence.file.truncated", displayName);
        }
    }

    private static int u16(ByteBuffer b, int at) {
        return Short.toUnsignedInt(b.getShort(at));
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }

    private static FileRejectedException reject(String key, Object... args) {
        return new FileRejectedException(key, args);
    }
}
