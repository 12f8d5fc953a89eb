package org.dudao.shared.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.shared.DudaoProperties;
import org.dudao.shared.error.InvalidInputException;

/**
 * Opens an uploaded .xlsx only when it is a sane, small workbook: not empty, under the size limit, a ZIP
 * container, and within the inflate-ratio and entry-size limits that stop zip bombs. Every refusal is a
 * clear message on the {@code file} field.
 */
public final class UploadedXlsx {

    private UploadedXlsx() {}

    public static Workbook open(byte[] bytes, DudaoProperties.Upload limits) {
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "import.empty");
        }
        if (bytes.length > limits.maxXlsxBytes()) {
            throw new InvalidInputException("file", "import.tooLarge", limits.maxXlsxBytes() / 1024 / 1024);
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new InvalidInputException("file", "import.notXlsx");
        }
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntrySize());
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", "import.unreadable");
        }
    }
}
