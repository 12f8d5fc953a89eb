package org.dudao.evidence.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dudao.evidence.inspect.SampleFiles.ascii;
import static org.dudao.evidence.inspect.SampleFiles.cut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInspectorTest {

    @TempDir
    Path dir;

    final FileInspector inspector = new FileInspector();
    InspectionLimits limits = InspectionLimits.defaults();

    // --- accepted -----------------------------------------------------------------------------------------------

    @Test
    void everyAllowedType_isRecognisedFromItsContent() throws Exception {
        assertAccepted(SampleFiles.pdf(), "报告.pdf", FileType.PDF, "application/pdf");
        assertAccepted(SampleFiles.ofd(), "公文.ofd", FileType.OFD, "application/ofd");
        assertAccepted(SampleFiles.doc(false), "报告.doc", FileType.DOC, "application/msword");
        assertAccepted(
                SampleFiles.docx(),
                "报告.docx",
                FileType.DOCX,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertAccepted(SampleFiles.xls(), "台账.xls", FileType.XLS, "application/vnd.ms-excel");
        assertAccepted(
                SampleFiles.xlsx(),
                "台账.xlsx",
                FileType.XLSX,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertAccepted(SampleFiles.ppt(), "汇报.ppt", FileType.PPT, "application/vnd.ms-powerpoint");
        assertAccepted(
                SampleFiles.pptx(),
                "汇报.pptx",
                FileType.PPTX,
                "application/vnd.openxmlformats-officedocument.presentationml.presentation");
        assertAccepted(SampleFiles.jpg(), "现场照片.jpg", FileType.JPG, "image/jpeg");
        assertAccepted(SampleFiles.jpg(), "现场照片.JPEG", FileType.JPG, "image/jpeg");
        assertAccepted(SampleFiles.png(), "截图.png", FileType.PNG, "image/png");
        assertAccepted(SampleFiles.mp4(), "会议录像.mp4", FileType.MP4, "video/mp4");
        assertAccepted(SampleFiles.mp4WithLargeAndOpenEndedBoxes(), "录像.mp4", FileType.MP4, "video/mp4");
        assertAccepted(SampleFiles.gbkZip(), "佐证材料.zip", FileType.ZIP, "application/zip");
    }

    @Test
    void wpsFilesMayHoldWordOrExcelContent_inEitherFormat() throws Exception {
        assertAccepted(SampleFiles.doc(false), "通知.wps", FileType.WPS, "application/kswps");
        assertAccepted(SampleFiles.docx(), "通知.wps", FileType.WPS, "application/kswps");
        assertAccepted(SampleFiles.xls(), "台账.et", FileType.ET, "application/kset");
        assertAccepted(SampleFiles.xlsx(), "台账.et", FileType.ET, "application/kset");
    }

    @Test
    void onlyPdfImagesAndVideo_areShownInline() {
        assertThat(List.of(FileType.values()).stream().filter(FileType::inline))
                .containsExactlyInAnyOrder(FileType.PDF, FileType.JPG, FileType.PNG, FileType.MP4);
    }

    @Test
    void aNameWithoutExtension_getsTheDetectedOne() throws Exception {
        assertThat(inspect(SampleFiles.pdf(), "关于2020年度依法行政工作的报告").displayName())
                .isEqualTo("关于2020年度依法行政工作的报告.pdf");
        assertThat(inspect(SampleFiles.xlsx(), "2020.12.31 考核台账").displayName()).isEqualTo("2020.12.31 考核台账.xlsx");
    }

    @Test
    void jpegPaddedWithAFewZeros_isAccepted() throws Exception {
        byte[] jpg = SampleFiles.jpg();
        byte[] padded = java.util.Arrays.copyOf(jpg, jpg.length + 4);
        assertThat(inspect(padded, "a.jpg").type()).isEqualTo(FileType.JPG);
    }

    // --- not an allowed type ---------------------------------------------------------------------------------------

    @Test
    void contentOfOtherKinds_isRefusedWhateverTheName() throws Exception {
        assertRejected(SampleFiles.exe(), "通知.pdf", "evidence.file.type", "通知.pdf");
        assertRejected(
                ascii("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
                "通知.pdf",
                "evidence.file.type",
                "通知.pdf");
        assertRejected(
                ascii("<html><!-- %PDF-1.4 --><script>alert(1)</script></html>"),
                "通知.pdf",
                "evidence.file.type",
                "通知.pdf");
        assertRejected(
                ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
                "图.png",
                "evidence.file.type",
                "图.png");
        assertRejected(ascii("#!/bin/sh\nrm -rf /\n"), "说明.pdf", "evidence.file.type", "说明.pdf");
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        assertRejected(random, "报告.pdf", "evidence.file.type", "报告.pdf");
        assertRejected(SampleFiles.otherOle2(), "报告.doc", "evidence.file.type", "报告.doc");
        assertRejected(SampleFiles.heic(), "照片.mp4", "evidence.file.type", "照片.mp4");
    }

    @Test
    void zeroBytes_areRefusedAsEmpty() throws Exception {
        FileRejectedException e = rejected(new byte[0], "报告.pdf");
        assertThat(e.messageKey()).isEqualTo("evidence.file.empty");
        assertThat(e.field()).isEqualTo("file");
    }

    // --- names -----------------------------------------------------------------------------------------------------

    @Test
    void anExecutableInnerExtension_isRefused() throws Exception {
        assertRejected(SampleFiles.pdf(), "通知.exe.pdf", "evidence.file.doubleExtension", "通知.exe.pdf");
        assertRejected(SampleFiles.pdf(), "报告.HTML.pdf", "evidence.file.doubleExtension", "报告.HTML.pdf");
        assertRejected(SampleFiles.jpg(), "photo.js .jpg", "evidence.file.doubleExtension", "photo.js .jpg");
        assertRejected(SampleFiles.exe(), "a.pdf.exe", "evidence.file.type", "a.pdf.exe");
        assertThat(inspect(SampleFiles.pdf(), "2020.12.31.工作总结.pdf").type()).isEqualTo(FileType.PDF);
    }

    @Test
    void anExtensionThatDoesNotFitTheContent_isRefused_namingTheRightOne() throws Exception {
        assertRejected(SampleFiles.pdf(), "报告.docx", "evidence.file.extensionMismatch", "报告.docx", "pdf");
        assertRejected(SampleFiles.docx(), "台账.xlsx", "evidence.file.extensionMismatch", "台账.xlsx", "docx");
        assertRejected(SampleFiles.gbkZip(), "报告.docx", "evidence.file.extensionMismatch", "报告.docx", "zip");
        assertRejected(SampleFiles.png(), "图.jpg", "evidence.file.extensionMismatch", "图.jpg", "png");
    }

    @Test
    void pathsAndHiddenCharactersInTheName_areRemoved() throws Exception {
        assertThat(inspect(SampleFiles.pdf(), "../../etc/报告.pdf").displayName()).isEqualTo("报告.pdf");
        assertThat(inspect(SampleFiles.pdf(), "..\\..\\Windows\\报告.pdf").displayName())
                .isEqualTo("报告.pdf");
        // shown as "invoiceexe.pdf" by the bidi override; really an .exe name
        assertRejected(SampleFiles.exe(), "invoice\u202Efdp.exe", "evidence.file.type", "invoicefdp.exe");
        assertRejected(
                SampleFiles.pdf(), "invoice\u202Efdp.exe", "evidence.file.extensionMismatch", "invoicefdp.exe", "pdf");
        assertThat(inspect(SampleFiles.pdf(), "报\u0000告\u0007.pdf").displayName())
                .isEqualTo("报告.pdf");
    }

    @Test
    void chineseNames_surviveUnchanged() throws Exception {
        assertThat(inspect(SampleFiles.pdf(), "关于2020年度依法行政工作的报告.pdf").displayName())
                .isEqualTo("关于2020年度依法行政工作的报告.pdf");
    }

    @Test
    void longNames_areCutKeepingTheExtension() throws Exception {
        String name = "关".repeat(300) + ".pdf";
        String shown = inspect(SampleFiles.pdf(), name).displayName();
        assertThat(shown).hasSize(120).endsWith("关.pdf");
    }

    // --- truncated or damaged --------------------------------------------------------------------------------------

    @Test
    void truncatedFiles_areRefused() throws Exception {
        assertRejected(cut(SampleFiles.pdf(), 7), "报告.pdf", "evidence.file.truncated", "报告.pdf");
        assertRejected(cut(SampleFiles.png(), 12), "图.png", "evidence.file.truncated", "图.png");
        assertRejected(cut(SampleFiles.jpg(), 2), "图.jpg", "evidence.file.truncated", "图.jpg");
        assertRejected(cut(SampleFiles.docx(), 100), "报告.docx", "evidence.file.truncated", "报告.docx");
        assertRejected(cut(SampleFiles.gbkZip(), 1), "材料.zip", "evidence.file.truncated", "材料.zip");
        assertRejected(cut(SampleFiles.mp4(), 10), "录像.mp4", "evidence.file.truncated", "录像.mp4");
        byte[] xls = SampleFiles.xls();
        assertRejected(java.util.Arrays.copyOf(xls, 600), "台账.xls", "evidence.file.truncated", "台账.xls");
        assertRejected(cut(xls, 512), "台账.xls", "evidence.file.truncated", "台账.xls");
    }

    @Test
    void aPdfWhoseEofMarkerIsMoreThan1024BytesBeforeTheEnd_isTreatedAsTruncated() throws Exception {
        byte[] pdf = SampleFiles.pdf();
        byte[] trailingJunk = java.util.Arrays.copyOf(pdf, pdf.length + 2000);
        assertRejected(trailingJunk, "报告.pdf", "evidence.file.truncated", "报告.pdf");
    }

    // --- encrypted -------------------------------------------------------------------------------------------------

    @Test
    void encryptedFiles_areRefused() throws Exception {
        assertRejected(SampleFiles.encryptedPdf(), "报告.pdf", "evidence.file.encrypted", "报告.pdf");
        assertRejected(SampleFiles.encryptedDocx(), "报告.docx", "evidence.file.encrypted", "报告.docx");
        assertRejected(SampleFiles.doc(true), "报告.doc", "evidence.file.encrypted", "报告.doc");
        byte[] zip = SampleFiles.zip(StandardCharsets.UTF_8, "a.txt", ascii("secret"));
        assertRejected(SampleFiles.withFlags(zip, 1), "材料.zip", "evidence.file.encrypted", "材料.zip");
    }

    // --- zip bombs and zip-slip ------------------------------------------------------------------------------------

    @Test
    void anEntryThatInflatesFarBeyondItsSize_isAZipBomb() throws Exception {
        assertRejected(SampleFiles.zeros(50), "材料.zip", "evidence.file.zipBomb", "材料.zip");
    }

    @Test
    void tooManyEntries_isAZipBomb() throws Exception {
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            entries.add("file" + i + ".txt");
            entries.add(ascii("x"));
        }
        byte[] zip = SampleFiles.zip(StandardCharsets.UTF_8, entries.toArray());
        limits = new InspectionLimits(10, 1L << 30, 200);
        assertRejected(zip, "材料.zip", "evidence.file.zipBomb", "材料.zip");
        limits = new InspectionLimits(11, 1L << 30, 200);
        assertThat(inspect(zip, "材料.zip").type()).isEqualTo(FileType.ZIP);
    }

    @Test
    void moreThanTheTotalLimit_isAZipBomb() throws Exception {
        limits = new InspectionLimits(100, 4L * 1024 * 1024, 100_000);
        assertRejected(SampleFiles.zeros(5), "材料.zip", "evidence.file.zipBomb", "材料.zip");
    }

    @Test
    void declaredSizesAreNotTrusted_theInflatedBytesAreCounted() throws Exception {
        byte[] lying = SampleFiles.withDeclaredSize(SampleFiles.zeros(20), 1000);
        limits = new InspectionLimits(100, 1L << 30, 100_000);
        assertRejected(lying, "材料.zip", "evidence.file.zipBomb", "材料.zip");
    }

    @Test
    void entriesThatWouldLandOutsideTheTargetDirectory_areZipSlip() throws Exception {
        for (String entry : new String[] {
            "../../etc/passwd", "/abs", "C:\\x", "C:/Windows/x.dll", "a\\..\\..\\x", "ok/.. /x", "\\\\server\\share\\x"
        }) {
            byte[] zip = SampleFiles.zip(StandardCharsets.UTF_8, entry, ascii("x"));
            assertRejected(zip, "材料.zip", "evidence.file.zipSlip", "材料.zip", entry);
        }
        byte[] hidden = SampleFiles.zip(StandardCharsets.UTF_8, "ok\u0001.txt", ascii("x"));
        assertRejected(hidden, "材料.zip", "evidence.file.zipSlip", "材料.zip", "ok?.txt");
        byte[] bidi = SampleFiles.zip(StandardCharsets.UTF_8, "invoice\u202Efdp.exe", ascii("x"));
        assertRejected(bidi, "材料.zip", "evidence.file.zipSlip", "材料.zip", "invoice?fdp.exe");
    }

    @Test
    void zipContainersGoThroughTheSameChecks() throws Exception {
        byte[] docx = SampleFiles.withFlags(SampleFiles.docx(), 1);
        assertRejected(docx, "报告.docx", "evidence.file.encrypted", "报告.docx");
        limits = new InspectionLimits(3, 1L << 30, 200);
        assertRejected(SampleFiles.xlsx(), "台账.xlsx", "evidence.file.zipBomb", "台账.xlsx");
        limits = new InspectionLimits(1, 1L << 30, 200);
        assertRejected(SampleFiles.ofd(), "公文.ofd", "evidence.file.zipBomb", "公文.ofd");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Inspection inspect(byte[] bytes, String name) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "upload", ".bin"), bytes);
        return inspector.inspect(file, name, limits);
    }

    private FileRejectedException rejected(byte[] bytes, String name) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "upload", ".bin"), bytes);
        FileRejectedException e =
                catchThrowableOfType(FileRejectedException.class, () -> inspector.inspect(file, name, limits));
        assertThat(e).as("%s should be refused", name).isNotNull();
        return e;
    }

    private void assertAccepted(byte[] bytes, String name, FileType type, String contentType) throws IOException {
        Inspection inspection = inspect(bytes, name);
        assertThat(inspection.type()).as(name).isEqualTo(type);
        assertThat(inspection.contentType()).as(name).isEqualTo(contentType);
        assertThat(inspection.displayName()).isEqualTo(name);
    }

    private void assertRejected(byte[] bytes, String name, String key, Object... args) throws IOException {
        FileRejectedException e = rejected(bytes, name);
        assertThat(e.messageKey()).as(name).isEqualTo(key);
        assertThat(e.args()).as(name).containsExactly(args);
        assertThat(e.field()).isEqualTo("file");
    }
}
