package org.dudao.report.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.shared.text.FormulaText;
import org.dudao.shared.time.ClockConfiguration;

/**
 * How Dudao's report tables are written: a streaming workbook (SXSSF: at most {@link #WINDOW} rows of a sheet in
 * memory, the rest in temporary files until the file is zipped — not gzipped, which cost about as much as the zip
 * itself; some 25 MB of temporary files for a 3,000-target summary), strings inline in the cells as SXSSF writes them by
 * default and as the rectification ledger does (Excel, WPS and LibreOffice read them; Apple Numbers does not — a
 * shared-strings table would keep every string in memory and made the final zip two to four times slower in a
 * 3,000-target summary), numbers as numbers with two decimals, times as date cells in Beijing time, and every text
 * that starts with {@code = + - @} written with Excel's quote prefix (the cell's {@code quotePrefix} style, as the
 * rectification ledger does): it stays text even when a user edits it, and no spreadsheet program runs it as a formula.
 */
final class ReportWorkbook implements AutoCloseable {

    /** Rows of a sheet kept in memory while writing; writers flush a sheet's last rows when they move on. */
    static final int WINDOW = 100;

    /** The longest text Excel keeps in a cell. */
    static final int MAX_CELL_TEXT = 32_767;

    final SXSSFWorkbook wb;
    final CellStyle title;
    final CellStyle note;
    final CellStyle header;
    final CellStyle headerNumber;
    final CellStyle text;
    final CellStyle textQuoted;
    final CellStyle wrap;
    final CellStyle wrapQuoted;
    final CellStyle muted;
    final CellStyle number;
    final CellStyle numberAlert;
    final CellStyle integer;
    final CellStyle percent;
    final CellStyle time;
    private final Set<String> sheetNames = new HashSet<>();

    ReportWorkbook() {
        wb = new SXSSFWorkbook(null, WINDOW, false, false);
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font grey = wb.createFont();
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        Font red = wb.createFont();
        red.setColor(IndexedColors.RED.getIndex());

        title = wb.createCellStyle();
        title.setFont(big);
        note = wb.createCellStyle();
        note.setFont(grey);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        borders(header);
        headerNumber = wb.createCellStyle();
        headerNumber.cloneStyleFrom(header);
        headerNumber.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        text = wb.createCellStyle();
        textQuoted = wb.createCellStyle();
        textQuoted.setQuotePrefixed(true);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        wrapQuoted = wb.createCellStyle();
        wrapQuoted.cloneStyleFrom(wrap);
        wrapQuoted.setQuotePrefixed(true);
        muted = wb.createCellStyle();
        muted.setFont(grey);
        muted.setAlignment(HorizontalAlignment.CENTER);
        number = wb.createCellStyle();
        number.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        numberAlert = wb.createCellStyle();
        numberAlert.cloneStyleFrom(number);
        numberAlert.setFont(red);
        integer = wb.createCellStyle();
        integer.setDataFormat(wb.createDataFormat().getFormat("0"));
        percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        time = wb.createCellStyle();
        time.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
    }

    private static void borders(CellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
    }

    /** A new sheet under a name Excel accepts (no {@code []:*?/\}, at most 31 characters), unique in the workbook. */
    SXSSFSheet sheet(String name) {
        String base = WorkbookUtil.createSafeSheetName(name == null || name.isBlank() ? "Sheet" : name.strip());
        String candidate = base;
        for (int i = 2; !sheetNames.add(candidate.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = "(" + i + ")";
            candidate = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return wb.createSheet(candidate);
    }

    /** A text cell; formula-like text gets the quote prefix. Nothing is written for null. */
    Cell text(Row row, int column, String value) {
        return text(row, column, value, text, textQuoted);
    }

    /** A wrapped text cell (long reasons, lists); formula-like text gets the quote prefix. */
    Cell wrapped(Row row, int column, String value) {
        return text(row, column, value, wrap, wrapQuoted);
    }

    private static Cell text(Row row, int column, String value, CellStyle plain, CellStyle quoted) {
        if (value == null) {
            return null;
        }
        String v = value.length() > MAX_CELL_TEXT ? value.substring(0, MAX_CELL_TEXT - 1) + "…" : value;
        Cell c = row.createCell(column);
        c.setCellValue(v);
        c.setCellStyle(FormulaText.looksLikeFormula(v) ? quoted : plain);
        return c;
    }

    /** A label of Dudao's own (headers, notes): the given style, never formula-like. */
    Cell label(Row row, int column, String value, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellValue(value);
        c.setCellStyle(style);
        return c;
    }

    /** A number with two decimals; nothing for null. */
    Cell number(Row row, int column, BigDecimal value) {
        return number(row, column, value, number);
    }

    Cell number(Row row, int column, BigDecimal value, CellStyle style) {
        if (value == null) {
            return null;
        }
        Cell c = row.createCell(column);
        c.setCellValue(value.doubleValue());
        c.setCellStyle(style);
        return c;
    }

    Cell integer(Row row, int column, Integer value) {
        if (value == null) {
            return null;
        }
        Cell c = row.createCell(column);
        c.setCellValue(value);
        c.setCellStyle(integer);
        return c;
    }

    /** A share (0.5 = 50 %) shown as a percentage. */
    Cell percent(Row row, int column, double share) {
        Cell c = row.createCell(column);
        c.setCellValue(share);
        c.setCellStyle(percent);
        return c;
    }

    /** A time as a date cell in Beijing time (Excel has no time zones); nothing for null. */
    Cell time(Row row, int column, Instant value) {
        if (value == null) {
            return null;
        }
        Cell c = row.createCell(column);
        c.setCellValue(LocalDateTime.ofInstant(value, ClockConfiguration.ZONE));
        c.setCellStyle(time);
        return c;
    }

    /** A title row and a note row above a table. */
    void heading(Sheet sheet, String titleText, String noteText) {
        label(sheet.createRow(0), 0, titleText, title);
        if (noteText != null) {
            label(sheet.createRow(1), 0, noteText, note);
        }
    }

    /** Zips the workbook into {@code out} (the part that needs no database: the last step of a table). */
    void write(OutputStream out) throws IOException {
        wb.write(out);
    }

    @Override
    public void close() throws IOException {
        try {
            wb.dispose();
        } finally {
            wb.close();
        }
    }
}
