package org.dudao.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.dudao.shared.DudaoProperties;

/** Files and settings that tests of uploads share. */
public final class TestFiles {

    private TestFiles() {}

    /** The default settings with the given upload limits. */
    public static DudaoProperties properties(long maxXlsxBytes, int maxImportRows, long maxEntrySize) {
        return new DudaoProperties(
                Path.of("data"),
                null,
                null,
                new DudaoProperties.Db("", null, null, 0),
                new DudaoProperties.Security(
                        Duration.ofDays(90),
                        12,
                        5,
                        5,
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(30),
                        Duration.ofHours(8),
                        Duration.ofHours(1),
                        null),
                new DudaoProperties.Upload(maxXlsxBytes, maxImportRows, 0.01, maxEntrySize),
                new DudaoProperties.Evidence(
                        200L * 1024 * 1024,
                        8 * 1024 * 1024,
                        10_000,
                        2L * 1024 * 1024 * 1024,
                        200,
                        "local",
                        new DudaoProperties.S3(null, null, null, null, null)));
    }

    /** A valid zip (xlsx/docx) plus one entry that inflates from a few KB to 50 MB. */
    public static byte[] zipBomb(byte[] zipFile) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipFile));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(in.readAllBytes());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/bomb.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
