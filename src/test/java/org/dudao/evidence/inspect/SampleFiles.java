package org.dudao.evidence.inspect;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real files of every kind, built in memory for the inspector's tests. */
final class SampleFiles {

    private SampleFiles() {}

    static byte[] pdf() {
        return ascii("%PDF-1.4\n"
                + "1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
                + "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
                + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
                + "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000056 00000 n \n0000000111 00000 n \n"
                + "trailer <</Size 4 /Root 1 0 R>>\nstartxref\n180\n%%EOF\n");
    }

    static byte[] encryptedPdf() {
        return ascii(new String(pdf(), StandardCharsets.US_ASCII)
                .replace("/Root 1 0 R>>", "/Root 1 0 R /Encrypt 5 0 R /ID [<01><01>]>>"));
    }

    static byte[] png() throws IOException {
        return image("png");
    }

    static byte[] jpg() throws IOException {
        return image("jpg");
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(4, 4, 8, 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IllegalStateException("No ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    /** ftyp (isom) + mdat. */
    static byte[] mp4() {
        ByteBuffer out = ByteBuffer.allocate(24 + 8 + 100);
        out.putInt(24)
                .put(ascii("ftyp"))
                .put(ascii("isom"))
                .putInt(0x200)
                .put(ascii("isom"))
                .put(ascii("mp41"));
        out.putInt(8 + 100).put(ascii("mdat")).put(new byte[100]);
        return out.array();
    }

    /** ftyp + an mdat whose size is 0 ("to the end") and one with a 64-bit size. */
    static byte[] mp4WithLargeAndOpenEndedBoxes() {
        ByteBuffer out = ByteBuffer.allocate(24 + 16 + 10 + 8 + 50);
        out.putInt(24)
                .put(ascii("ftyp"))
                .put(ascii("mp42"))
                .putInt(0)
                .put(ascii("mp42"))
                .put(ascii("isom"));
        out.putInt(1).put(ascii("free")).putLong(16 + 10).put(new byte[10]);
        out.putInt(0).put(ascii("mdat")).put(new byte[50]);
        return out.array();
    }

    static byte[] heic() {
        ByteBuffer out = ByteBuffer.allocate(24 + 8);
        out.putInt(24)
                .put(ascii("ftyp"))
                .put(ascii("heic"))
                .putInt(0)
                .put(ascii("mif1"))
                .put(ascii("heic"));
        out.putInt(8).put(ascii("meta"));
        return out.array();
    }

    static byte[] docx() throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("关于2020年度依法行政工作的报告");
            return write(document::write);
        }
    }

    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("考核").createRow(0).createCell(0).setCellValue("得分");
            return write(workbook::write);
        }
    }

    static byte[] pptx() throws IOException {
        try (XMLSlideShow slides = new XMLSlideShow()) {
            slides.createSlide();
            return write(slides::write);
        }
    }

    static byte[] xls() throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("考核").createRow(0).createCell(0).setCellValue("得分");
            return write(workbook::write);
        }
    }

    /**
     * An OLE2 file with a {@code WordDocument} stream whose file information block starts like Word's (POI's HWPF,
     * which could write a real one, is not on the class path).
     */
    static byte[] doc(boolean encrypted) throws IOException {
        byte[] fib = new byte[4096];
        fib[0] = (byte) 0xEC;
        fib[1] = (byte) 0xA5;
        fib[2] = (byte) 0xC1;
        fib[10] = (byte) (encrypted ? 0x01 : 0x00);
        fib[11] = (byte) (encrypted ? 0x01 : 0x00);
        return ole2("WordDocument", fib);
    }

    /** An OLE2 file with a {@code PowerPoint Document} stream. */
    static byte[] ppt() throws IOException {
        return ole2("PowerPoint Document", new byte[4096]);
    }

    /** An OLE2 file with nothing an Office program would open. */
    static byte[] otherOle2() throws IOException {
        return ole2("Contents", new byte[4096]);
    }

    private static byte[] ole2(String stream, byte[] content) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(content), stream);
            return write(fs::writeFilesystem);
        }
    }

    /** A docx encrypted with a password (agile encryption), as Word saves it: an OLE2 container. */
    static byte[] encryptedDocx() throws Exception {
        byte[] docx = docx();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(docx);
            }
            return write(fs::writeFilesystem);
        }
    }

    static byte[] ofd() throws IOException {
        return zip(
                StandardCharsets.UTF_8,
                "OFD.xml",
                ascii("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\"/>"),
                "Doc_0/Document.xml",
                ascii("<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"));
    }

    /** A zip as Chinese Windows makes it: entry names in GBK without the UTF-8 flag, with a nested zip. */
    static byte[] gbkZip() throws IOException {
        byte[] inner = zip(StandardCharsets.UTF_8, "a.txt", ascii("inner"));
        return zip(
                Charset.forName("GBK"),
                "佐证材料/关于2020年度依法行政工作的报告.pdf",
                pdf(),
                "佐证材料/照片.zip",
                inner,
                "佐证材料/",
                new byte[0]);
    }

    /** Entries given as name, bytes, name, bytes … ; a name ending in "/" is a directory. */
    static byte[] zip(Charset charset, Object... namesAndBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, charset)) {
            for (int i = 0; i < namesAndBytes.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndBytes[i]));
                zip.write((byte[]) namesAndBytes[i + 1]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A zip with one entry of {@code megabytes} MB of zeros: a few KB that inflate enormously. */
    static byte[] zeros(int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("data.bin"));
            byte[] mb = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(mb);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Sets the general purpose flag bits {@code bits} in every local and central header. */
    static byte[] withFlags(byte[] zip, int bits) {
        byte[] out = zip.clone();
        for (int i = 0; i + 4 <= out.length; i++) {
            if (out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 3 && out[i + 3] == 4) {
                out[i + 6] |= (byte) bits; // local header: flags at +6
            } else if (out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 1 && out[i + 3] == 2) {
                out[i + 8] |= (byte) bits; // central header: flags at +8
            }
        }
        return out;
    }

    /** Overwrites the uncompressed size in every local and central header with {@code size} (a lying zip). */
    static byte[] withDeclaredSize(byte[] zip, int size) {
        byte[] out = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= out.length; i++) {
            if (out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 3 && out[i + 3] == 4) {
                b.putInt(i + 22, size);
            } else if (out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 1 && out[i + 3] == 2) {
                b.putInt(i + 24, size);
            } else if (out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 7 && out[i + 3] == 8) {
                b.putInt(i + 12, size); // data descriptor
            }
        }
        return out;
    }

    static byte[] cut(byte[] bytes, int drop) {
        return Arrays.copyOf(bytes, bytes.length - drop);
    }

    static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] text = ascii("This program cannot be run in DOS mode.");
        System.arraycopy(text, 0, exe, 78, text.length);
        return exe;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        return out.toByteArray();
    }
}
