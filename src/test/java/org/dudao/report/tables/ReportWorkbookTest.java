package org.dudao.report.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReportWorkbookTest {

    @Test
    void formulaLikeText_isWrittenAsTextWithTheQuotePrefix_andOtherTextPlain() throws Exception {
        byte[] bytes;
        try (ReportWorkbook book = new ReportWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = book.sheet("表");
            Row row = sheet.createRow(0);
            book.text(row, 0, "=HYPERLINK(\"http://evil\",\"点我\")");
            book.text(row, 1, "+1");
            book.text(row, 2, "-2");
            book.text(row, 3, "@SUM(A1)");
            book.text(row, 4, "舞钢市人民政府");
            book.wrapped(row, 5, "=1+1 原因");
            book.text(row, 6, null);
            book.write(out);
            bytes = out.toByteArray();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Row row = wb.getSheetAt(0).getRow(0);
            for (int c = 0; c < 6; c++) {
                Cell cell = row.getCell(c);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getQuotePrefixed()).isEqualTo(c != 4);
            }
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\",\"点我\")");
            assertThat(row.getCell(5).getCellStyle().getWrapText()).isTrue();
            assertThat(row.getCell(6)).isNull();
        }
    }

    @Test
    void numbersAreNumbersWithTwoDecimals_timesAreDatesInBeijingTime() throws Exception {
        byte[] bytes;
        try (ReportWorkbook book = new ReportWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = book.sheet("数").createRow(0);
            book.number(row, 0, new BigDecimal("2.5"));
            book.integer(row, 1, 7);
            book.percent(row, 2, 0.25);
            book.time(row, 3, Instant.parse("2026-10-13T15:30:00Z"));
            book.number(row, 4, null);
            book.write(out);
            bytes = out.toByteArray();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Row row = wb.getSheetAt(0).getRow(0);
            DataFormatter f = new DataFormatter();
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(2.5);
            assertThat(f.formatCellValue(row.getCell(0))).isEqualTo("2.50");
            assertThat(f.formatCellValue(row.getCell(1))).isEqualTo("7");
            assertThat(f.formatCellValue(row.getCell(2))).isEqualTo("25.0%");
            // 15:30 UTC is 23:30 in Beijing
            assertThat(f.formatCellValue(row.getCell(3))).isEqualTo("2026-10-13 23:30");
            assertThat(row.getCell(4)).isNull();
        }
    }

    @Test
    void sheetNamesAreMadeSafeAndUnique() throws Exception {
        try (ReportWorkbook book = new ReportWorkbook()) {
            Sheet a = book.sheet("县区/政府[一]");
            Sheet b = book.sheet("县区/政府[一]");
            Sheet c = book.sheet("一个非常非常非常非常非常非常非常非常非常非常长的类别名称超过三十一个字符的工作表");
            Sheet d = book.sheet("一个非常非常非常非常非常非常非常非常非常非常长的类别名称超过三十一个字符的工作表");
            assertThat(a.getSheetName()).doesNotContain("/", "[", "]");
            assertThat(b.getSheetName()).isNotEqualTo(a.getSheetName()).endsWith("(2)");
            assertThat(c.getSheetName()).hasSizeLessThanOrEqualTo(31);
            assertThat(d.getSheetName()).hasSizeLessThanOrEqualTo(31).isNotEqualTo(c.getSheetName());
        }
    }
}
