package org.dudao.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dudao.audit.domain.AuditFilter;
import org.dudao.audit.domain.AuditQuery;
import org.dudao.audit.domain.AuditRecord;
import org.dudao.shared.audit.AuditEvent;
import org.dudao.shared.error.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * 导出: the records that match a filter as an xlsx sheet, newest first, built with POI's streaming
 * workbook (only a window of rows in memory, the rest in a temporary file). An export is audited
 * ({@code audit.log.export}) once the sheet is built and before it is sent.
 */
@Component
class AuditWorkbook {

    /** Stays below the 1,048,576 rows an xlsx sheet can hold. */
    static final int MAX_ROWS = 1_000_000;

    /** The most characters an xlsx cell can hold. */
    private static final int CELL_MAX = 32_767;

    static final List<String> HEADER_KEYS = List.of(
            "audit.column.seq",
            "audit.column.time",
            "audit.column.actor",
            "audit.column.accountId",
            "audit.column.unit",
            "audit.column.roles",
            "audit.column.action",
            "audit.column.objectType",
            "audit.column.objectId",
            "audit.column.outcome",
            "audit.column.clientAddress",
            "audit.column.requestId",
            "audit.column.detail",
            "audit.column.before",
            "audit.column.after",
            "audit.column.hash");

    private static final int[] WIDTHS = {8, 20, 16, 10, 10, 24, 30, 16, 16, 8, 18, 38, 50, 50, 50, 66};

    private final AuditQuery query;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    AuditWorkbook(AuditQuery query, MessageSource messages, ApplicationEventPublisher events) {
        this.query = query;
        this.messages = messages;
        this.events = events;
    }

    /** Builds the sheet; the caller sends it with {@link Export#writeTo} and closes it. */
    Export build(AuditFilter filter, Locale locale) {
        long count = query.count(filter);
        if (count > MAX_ROWS) {
            throw new InvalidInputException(null, "audit.export.tooMany", MAX_ROWS);
        }
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        try {
            book.setCompressTempFiles(true);
            SXSSFSheet sheet = book.createSheet(messages.getMessage("audit.export.sheet", null, locale));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER_KEYS.size(); i++) {
                var cell = header.createCell(i);
                cell.setCellValue(messages.getMessage(HEADER_KEYS.get(i), null, locale));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            query.forEach(filter, r -> {
                if (next[0] <= MAX_ROWS) { // records appended since the count are left out only past the limit
                    row(sheet.createRow(next[0]++), r, locale);
                }
            });
            int rows = next[0] - 1;
            events.publishEvent(new AuditEvent(
                    "audit.log.export",
                    "audit_record",
                    null,
                    AuditEvent.Outcome.SUCCESS,
                    null,
                    null,
                    rows + " records; " + filter.describe(),
                    null));
            return new Export(book, rows);
        } catch (RuntimeException e) {
            book.dispose();
            throw e;
        }
    }

    private void row(Row row, AuditRecord r, Locale locale) {
        int c = 0;
        row.createCell(c++).setCellValue(r.seq());
        text(row, c++, r.shownTime());
        text(row, c++, r.actorUsername());
        if (r.actorAccountId() != null) {
            row.createCell(c).setCellValue(r.actorAccountId());
        }
        c++;
        if (r.actorUnitId() != null) {
            row.createCell(c).setCellValue(r.actorUnitId());
        }
        c++;
        text(row, c++, r.actorRoles());
        text(row, c++, r.action());
        text(row, c++, r.objectType());
        text(row, c++, r.objectId());
        text(row, c++, messages.getMessage("audit.outcome." + r.outcome(), null, r.outcome(), locale));
        text(row, c++, r.clientAddress());
        text(row, c++, r.requestId());
        text(row, c++, r.detail());
        text(row, c++, r.beforeData());
        text(row, c++, r.afterData());
        text(row, c, r.hash());
    }

    /** Text cells only: a value such as "=1+1" stays text, never a formula. */
    private static void text(Row row, int column, String value) {
        if (value == null) {
            return;
        }
        String v = value.length() > CELL_MAX ? value.substring(0, CELL_MAX - 1) + "…" : value;
        row.createCell(column).setCellValue(v);
    }

    /** A built sheet; closing it removes its temporary file. */
    static final class Export implements AutoCloseable {
        private final SXSSFWorkbook book;
        private final int rows;

        private Export(SXSSFWorkbook book, int rows) {
            this.book = book;
            this.rows = rows;
        }

        int rows() {
            return rows;
        }

        void writeTo(OutputStream out) throws IOException {
            book.write(out);
        }

        @Override
        public void close() throws IOException {
            book.dispose();
            book.close();
        }
    }
}
